import { CLOUDWATCH_OPS, type CloudWatchOp } from './operations.js';
import type { BudgetCounters } from '../shared/request-budget.js';

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
] as const;
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
  connections: { opened: number; idleClosed: number; dropped: number; tlsErrors: number };
  /** Requests refused 413 for a body larger than the per-request maximum. */
  requestsTooLarge: number;
  /** The byte budget across requests: held now, the peak, requests waiting now and ever. */
  requestBudget: BudgetCounters;
  /** onAccepted listeners that threw (the sink answers as if nothing happened). */
  listenerErrors: number;
}

function outcomes(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
}

export function createCounters(): SinkCounters {
  const requests = Object.fromEntries([...CLOUDWATCH_OPS, 'unknown'].map((op) => [op, outcomes()])) as SinkCounters['requests'];
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
