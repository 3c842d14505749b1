import { type Answer } from './answer.js';
import { type JsonObject } from './request-body.js';
import type { SinkState } from './sink-state.js';
/**
 * GetLogEvents: one stream, oldest first within a page. Without a token it starts at the head
 * (`startFromHead`) or ends at the tail (the default); `nextForwardToken` / `nextBackwardToken` continue
 * either way, and at the end of the stream the token passed in comes back (API_GetLogEvents).
 */
export declare function getLogEvents(body: JsonObject, sink: SinkState, now: number): Answer;
/**
 * FilterLogEvents: events of the group's streams (all, a list, or a name prefix), sorted "by event
 * timestamp, the timestamp when the event was ingested by CloudWatch Logs, and the ID of the PutLogEvents
 * request" (API_FilterLogEvents), filtered by time range and a term filter pattern (filter-pattern.ts).
 * `nextToken` is an offset into the sorted matches, valid while no new events arrive in the range.
 */
export declare function filterLogEvents(body: JsonObject, sink: SinkState, now: number): Answer;
