import { type Answer } from './answer.js';
import { type JsonObject } from './request-body.js';
import type { SinkState } from './sink-state.js';
/**
 * PutLogEvents, in the service's order of checks: names, existence, the per-stream quota, the batch,
 * the sequence token. Then the batch's fate under sink faults (stored, discarded or duplicated).
 * `now` is the scenario time the request arrived.
 */
export declare function putLogEvents(body: JsonObject, sink: SinkState, now: number): Answer;
