import { CLOUDWATCH_OPS } from './operations.js';
/** How one request ended. */
export const OUTCOMES = [
    'ok',
    /** PutLogEvents accepted with 200 but not stored (sink fault `discard`). */
    'discarded',
    /** PutLogEvents stored, then answered 500 (sink fault `duplicate`). */
    'duplicated',
    'throttled',
    'invalidSequenceToken',
    'dataAlreadyAccepted',
    'invalidParameter',
    'resourceNotFound',
    'resourceAlreadyExists',
    /** Body not JSON or of the wrong shape, unknown operation, body too large. */
    'badRequest',
    /** An injected 500/503 (sink fault `error`). */
    'serverError',
    /** The connection was destroyed mid-response (sink fault `drop-connection`). */
    'dropped',
    /** A bug in the sink: answered 500 InternalFailure. */
    'internalError',
];
function outcomes() {
    return Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
}
export function createCounters() {
    const requests = Object.fromEntries([...CLOUDWATCH_OPS, 'unknown'].map((op) => [op, outcomes()]));
    return {
        requests,
        statuses: {},
        batchesStored: 0,
        eventsStored: 0,
        bytesStored: 0,
        eventsRejected: 0,
        batchesDiscarded: 0,
        eventsDiscarded: 0,
        batchesDuplicated: 0,
        eventsDuplicated: 0,
        connections: { opened: 0, idleClosed: 0, dropped: 0, tlsErrors: 0 },
        requestsTooLarge: 0,
        requestBudget: { heldBytes: 0, peakBytes: 0, waiting: 0, waited: 0, readBytes: 0 },
        listenerErrors: 0,
    };
}
//# sourceMappingURL=counters.js.map