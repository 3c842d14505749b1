import type { BudgetCounters } from '../shared/request-budget.js';

/** How one request to the HTTP sink ended. */
export const HTTP_OUTCOMES = [
  'ok',
  /** Answered with the success status, nothing handed on (sink fault `discard`). */
  'discarded',
  /** Handed on, then answered 500 so that it is sent again (sink fault `duplicate`). */
  'duplicated',
  /** Over the channel's `rate`, or under sink-throttle: answered `throttleStatus`. */
  'throttled',
  /** An injected 500/503 (sink fault `error`). */
  'serverError',
  /** The connection destroyed mid-response (sink fault `drop-connection`). */
  'dropped',
  /** A body that could not be read (bad JSON, corrupt or unknown compression): answered 400. */
  'malformed',
  /** A body larger than `maxBody` (before or after decompression): answered 413. */
  'tooLarge',
  /** Not POST nor PUT: answered 405. */
  'methodNotAllowed',
  /** A bug in the sink: answered 500. */
  'internalError',
] as const;
export type HttpOutcome = (typeof HTTP_OUTCOMES)[number];

/** The HTTP sink's counters, a plain object updated in place (the journal's `cell-end` gets a copy). */
export interface HttpSinkCounters {
  requests: Record<HttpOutcome, number>;
  /** Answers by status code (dropped connections have none). */
  statuses: Record<string, number>;
  /** Items (lines, array elements) of bodies handed on, and the record messages found in them. */
  items: number;
  messages: number;
  /** Body bytes after decompression, of bodies handed on. */
  bytes: number;
  /** Bodies that were compressed (any Content-Encoding but identity), of those read. */
  compressed: number;
  /** The last malformed body's reason, as it was answered: evidence for a report. */
  lastMalformed: string | undefined;
  connections: { opened: number; idleClosed: number; dropped: number; tlsErrors: number };
  requestBudget: BudgetCounters;
  /** onDelivered listeners that threw (the sink answers as if nothing happened). */
  listenerErrors: number;
}

export function createHttpCounters(): HttpSinkCounters {
  return {
    requests: Object.fromEntries(HTTP_OUTCOMES.map((o) => [o, 0])) as Record<HttpOutcome, number>,
    statuses: {},
    items: 0,
    messages: 0,
    bytes: 0,
    compressed: 0,
    lastMalformed: undefined,
    connections: { opened: 0, idleClosed: 0, dropped: 0, tlsErrors: 0 },
    requestBudget: { heldBytes: 0, peakBytes: 0, waiting: 0, waited: 0, readBytes: 0 },
    listenerErrors: 0,
  };
}
