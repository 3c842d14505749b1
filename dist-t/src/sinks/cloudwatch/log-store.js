import { EventArchive, KeptEvents } from './event-archive.js';
import { SequenceTokens } from './sequence-tokens.js';
import { TokenBucket } from './token-bucket.js';
/** One log stream: its quota bucket, its tokens, counts of what it stored, and the events it keeps (if any). */
export class LogStream {
    name;
    createdAt;
    tokens;
    /** Undefined when the per-stream quota is off. */
    bucket;
    /** Stored events kept for reading, within the sink's `keepEvents` budget. */
    kept = new KeptEvents();
    batches = 0;
    events = 0;
    bytes = 0;
    firstEventTimestamp;
    lastEventTimestamp;
    lastIngestionTime;
    constructor(name, number, now, bucket) {
        this.name = name;
        this.createdAt = now;
        this.tokens = new SequenceTokens(number);
        this.bucket = bucket;
    }
}
export class LogGroup {
    name;
    createdAt;
    streams = new Map();
    retentionInDays;
    /** Retention in ms, when the group has a retention policy. */
    get retentionMs() {
        return this.retentionInDays === undefined ? undefined : this.retentionInDays * 86_400_000;
    }
    constructor(name, now) {
        this.name = name;
        this.createdAt = now;
    }
}
/** The log groups and streams of one sink. */
export class LogStore {
    groups = new Map();
    archive;
    #rate;
    #burst;
    #streamNumber = 0;
    constructor(streamRate, streamBurst, keepEventsBytes) {
        this.archive = new EventArchive(keepEventsBytes);
        this.#rate = streamRate;
        this.#burst = streamBurst;
    }
    createStream(group, name, now) {
        this.#streamNumber += 1;
        const bucket = this.#rate > 0 ? new TokenBucket(this.#rate, this.#burst, now) : undefined;
        const stream = new LogStream(name, this.#streamNumber, now, bucket);
        group.streams.set(name, stream);
        return stream;
    }
    info() {
        const out = [];
        for (const group of this.groups.values()) {
            for (const s of group.streams.values()) {
                out.push({
                    group: group.name,
                    stream: s.name,
                    createdAt: s.createdAt,
                    batches: s.batches,
                    events: s.events,
                    bytes: s.bytes,
                    firstEventTimestamp: s.firstEventTimestamp,
                    lastEventTimestamp: s.lastEventTimestamp,
                    lastIngestionTime: s.lastIngestionTime,
                    nextSequenceToken: s.tokens.expected,
                });
            }
        }
        return out;
    }
}
//# sourceMappingURL=log-store.js.map