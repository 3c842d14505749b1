import { EventArchive, KeptEvents } from './event-archive.js';
import { SequenceTokens } from './sequence-tokens.js';
import { TokenBucket } from './token-bucket.js';
/** One log stream: its quota bucket, its tokens, counts of what it stored, and the events it keeps (if any). */
export declare class LogStream {
    readonly name: string;
    readonly createdAt: number;
    readonly tokens: SequenceTokens;
    /** Undefined when the per-stream quota is off. */
    readonly bucket: TokenBucket | undefined;
    /** Stored events kept for reading, within the sink's `keepEvents` budget. */
    readonly kept: KeptEvents;
    batches: number;
    events: number;
    bytes: number;
    firstEventTimestamp: number | undefined;
    lastEventTimestamp: number | undefined;
    lastIngestionTime: number | undefined;
    constructor(name: string, number: number, now: number, bucket: TokenBucket | undefined);
}
export declare class LogGroup {
    readonly name: string;
    readonly createdAt: number;
    readonly streams: Map<string, LogStream>;
    retentionInDays: number | undefined;
    /** Retention in ms, when the group has a retention policy. */
    get retentionMs(): number | undefined;
    constructor(name: string, now: number);
}
/** What `streams()` shows of one stream, for tests and reports. */
export interface StreamInfo {
    group: string;
    stream: string;
    /** Scenario epoch ms. */
    createdAt: number;
    /** Batches stored and emitted (discarded ones excluded, duplicated ones counted each time). */
    batches: number;
    events: number;
    /** The API's measure: UTF-8 message bytes + 26 per event. */
    bytes: number;
    firstEventTimestamp: number | undefined;
    lastEventTimestamp: number | undefined;
    lastIngestionTime: number | undefined;
    /** The token the next put must carry; undefined before the first put. */
    nextSequenceToken: string | undefined;
}
/** The log groups and streams of one sink. */
export declare class LogStore {
    #private;
    readonly groups: Map<string, LogGroup>;
    readonly archive: EventArchive;
    constructor(streamRate: number, streamBurst: number, keepEventsBytes: number);
    createStream(group: LogGroup, name: string, now: number): LogStream;
    info(): StreamInfo[];
}
