import { type ApiError } from './api-errors.js';
export { EVENT_OVERHEAD_BYTES } from './limits.js';
/** What a batch is checked against besides the fixed limits of limits.ts. */
export interface BatchLimits {
    /** Largest event: UTF-8 message bytes + 26. */
    maxEventBytes: number;
    /** The log group's retention in ms, when it has one: older events are rejected as expired. */
    retentionMs: number | undefined;
}
/** One log event as the API carries it. */
export interface LogEvent {
    timestamp: number;
    message: string;
}
/** What one validation pass learns about a batch. */
export interface BatchSummary {
    count: number;
    /** The API's measure: UTF-8 message bytes + 26 per event. */
    bytes: number;
    firstTimestamp: number;
    lastTimestamp: number;
    /** Index after the last event older than 14 days (0 when none): `tooOldLogEventEndIndex`. */
    tooOldEnd: number;
    /** Index after the last event older than the group's retention (0 when none): `expiredLogEventEndIndex`. */
    expiredEnd: number;
    /** max(tooOldEnd, expiredEnd): events [0, keepFrom) are rejected. */
    keepFrom: number;
    /** Index of the first too-new event (count when none): events [keepTo, count) are rejected. */
    keepTo: number;
    /** A cheap fingerprint of timestamps and message lengths, for recognising a re-sent batch. */
    mix: number;
}
/**
 * Checks a PutLogEvents `logEvents` member in one pass without allocating: member types, count, total size,
 * chronological order and span; and finds the too-old prefix and too-new suffix relative to `now`.
 * Returns the summary, or the error the service would answer.
 */
export declare function validateBatch(logEvents: unknown, now: number, limits: BatchLimits): BatchSummary | ApiError;
