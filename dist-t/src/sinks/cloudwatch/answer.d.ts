import type { ApiError } from './api-errors.js';
import type { Outcome } from './counters.js';
/** What a request is answered with, before the server writes it. */
export interface Answer {
    status: number;
    body: string;
    outcome: Outcome;
}
export declare function errorAnswer(error: ApiError, outcome?: Outcome): Answer;
export declare function okAnswer(body?: string, outcome?: Outcome): Answer;
