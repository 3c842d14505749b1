import { EVENT_OVERHEAD_BYTES } from './limits.js';
/** The events one stream keeps: `events[start..]`, the first of them at absolute position `offset`. */
export class KeptEvents {
    events = [];
    start = 0;
    /** Absolute position (since the stream began) of `events[start]`; read tokens are absolute positions. */
    offset = 0;
    get length() {
        return this.events.length - this.start;
    }
    /** The event at an absolute position, or undefined when it was dropped or is not there yet. */
    at(position) {
        const i = position - this.offset;
        return i >= 0 && i < this.length ? this.events[this.start + i] : undefined;
    }
    /** Absolute position after the last kept event. */
    get end() {
        return this.offset + this.length;
    }
    dropFirst(n) {
        this.start += n;
        this.offset += n;
        // Compacts once the dropped head is the larger part, so dropping stays O(1) on average.
        if (this.start > 1024 && this.start * 2 > this.events.length) {
            this.events = this.events.slice(this.start);
            this.start = 0;
        }
    }
}
/**
 * The events the sink keeps so that a user can read what arrived (GetLogEvents, FilterLogEvents), within a
 * byte budget for the whole sink (messages + 26 per event, the API's measure): when a new batch would
 * exceed it, the oldest kept batches of any stream are dropped first. A budget of 0 keeps nothing.
 */
export class EventArchive {
    #budget;
    /** Kept batches in arrival order: which stream, how many events, how many bytes. */
    #batches = [];
    #head = 0;
    #bytes = 0;
    #nextId = 0;
    /** Events dropped to stay within the budget. */
    dropped = 0;
    constructor(budgetBytes) {
        this.#budget = budgetBytes;
    }
    get bytes() {
        return this.#bytes;
    }
    /** Keeps a stream's new events (its `kept` list), dropping the oldest batches of any stream past the budget. */
    add(kept, events, ingestionTime, bytes) {
        if (this.#budget <= 0 || events.length === 0)
            return;
        for (const e of events) {
            this.#nextId += 1;
            kept.events.push({ timestamp: e.timestamp, message: e.message, ingestionTime, eventId: String(this.#nextId).padStart(20, '0') });
        }
        this.#batches.push({ kept, count: events.length, bytes });
        this.#bytes += bytes;
        while (this.#bytes > this.#budget && this.#head < this.#batches.length) {
            const oldest = this.#batches[this.#head];
            this.#head += 1;
            oldest.kept.dropFirst(oldest.count);
            this.#bytes -= oldest.bytes;
            this.dropped += oldest.count;
        }
        if (this.#head > 1024 && this.#head * 2 > this.#batches.length) {
            this.#batches = this.#batches.slice(this.#head);
            this.#head = 0;
        }
    }
}
/** The API's size measure of a stored event. */
export function eventBytes(e) {
    return Buffer.byteLength(e.message, 'utf8') + EVENT_OVERHEAD_BYTES;
}
//# sourceMappingURL=event-archive.js.map