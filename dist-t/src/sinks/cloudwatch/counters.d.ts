import { type CloudWatchOp } from './operations.js';
import type { BudgetCounters } from './request-budget.js';
/** How one request ended. */
export declare const OUTCOMES: readonly ["ok", "discarded", "duplicated", "throttled", "invalidSequenceToken", "dataAlreadyAccepted", "invalidParameter", "resourceNotFound", "resourceAlreadyExists", "badRequest", "serverError", "dropped", "internalError"];
export type Outcome = (typeof OUTCOMES)[number];
/**
 * The sink's counters, a plain object updated in place (copy it with structuredClone for a snapshot).
 * `requests.unknown` counts requests whose `X-Amz-Target` names no known operation.
 */
export interface SinkCounters {
    requests: Record<CloudWatchOp | 'unknown', Record<Outcome, number>>;
    /** Answers by HTTP status code (dropped connections have none). */
    statuses: Record<string, number>;
    batchesStored: number;
    eventsStored: number;
    /** UTF-8 message bytes + 26 per event, of stored events. */
    bytesStored: number;
    /** Too old (> 14 days) or too new (> 2 h ahead) events of accepted batches, answered in rejectedLogEventsInfo. */
    eventsRejected: number;
    batchesDiscarded: number;
    /** Events of the discarded batches (each lost, as far as the client can tell it was delivered). */
    eventsDiscarded: number;
    batchesDuplicated: number;
    /** Events of the duplicated batches (each stored once more when the client resends it). */
    eventsDuplicated: number;
    /** `tlsErrors`: TLS handshakes that failed (a client that does not trust the CA, plain HTTP on the TLS port). */
    connections: {
        opened: number;
        idleClosed: number;
        dropped: number;
        tlsErrors: number;
    };
    /** Requests refused 413 for a body larger than the per-request maximum. */
    requestsTooLarge: number;
    /** The byte budget across requests: held now, the peak, requests waiting now and ever. */
    requestBudget: BudgetCounters;
    /** onAccepted listeners that threw (the sink answers as if nothing happened). */
    listenerErrors: number;
}
export declare function createCounters(): SinkCounters;
