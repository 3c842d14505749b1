import { type ApiError } from './api-errors.js';
import type { BatchSummary, LogEvent } from './batch-validation.js';
/**
 * One stream's sequence tokens, pre-2023 rules (domain.md §3): the first put needs no token; every later put
 * must carry the token the previous one returned, or it is answered InvalidSequenceTokenException with the
 * expected token. The last accepted batch re-sent with the token it was accepted with is answered
 * DataAlreadyAcceptedException instead. Tokens are decimal strings like the service's, unique per stream.
 */
export declare class SequenceTokens {
    #private;
    constructor(streamNumber: number);
    get expected(): string | undefined;
    /** The error the put must be answered with, or undefined when `token` is the expected one. */
    check(token: string | undefined, summary: BatchSummary, events: readonly LogEvent[]): ApiError | undefined;
    /**
     * Moves to a fresh token after an accepted put and returns it. With `remember` false the batch is not kept
     * for DataAlreadyAccepted detection, so a re-send with the old token is answered InvalidSequenceToken.
     */
    advance(sentWith: string | undefined, summary: BatchSummary, events: readonly LogEvent[], remember: boolean): string;
}
