import type { LogEvent } from './batch-validation.js';
/** One stored event as GetLogEvents and FilterLogEvents return it. */
export interface StoredEvent {
    timestamp: number;
    message: string;
    /** Scenario epoch ms at which the batch was stored. */
    ingestionTime: number;
    /** Unique within the sink, like the service's (digits). */
    eventId: string;
}
/** The events one stream keeps: `events[start..]`, the first of them at absolute position `offset`. */
export declare class KeptEvents {
    events: StoredEvent[];
    start: number;
    /** Absolute position (since the stream began) of `events[start]`; read tokens are absolute positions. */
    offset: number;
    get length(): number;
    /** The event at an absolute position, or undefined when it was dropped or is not there yet. */
    at(position: number): StoredEvent | undefined;
    /** Absolute position after the last kept event. */
    get end(): number;
    dropFirst(n: number): void;
}
/**
 * The events the sink keeps so that a user can read what arrived (GetLogEvents, FilterLogEvents), within a
 * byte budget for the whole sink (messages + 26 per event, the API's measure): when a new batch would
 * exceed it, the oldest kept batches of any stream are dropped first. A budget of 0 keeps nothing.
 */
export declare class EventArchive {
    #private;
    /** Events dropped to stay within the budget. */
    dropped: number;
    constructor(budgetBytes: number);
    get bytes(): number;
    /** Keeps a stream's new events (its `kept` list), dropping the oldest batches of any stream past the budget. */
    add(kept: KeptEvents, events: readonly LogEvent[], ingestionTime: number, bytes: number): void;
}
/** The API's size measure of a stored event. */
export declare function eventBytes(e: {
    message: string;
}): number;
