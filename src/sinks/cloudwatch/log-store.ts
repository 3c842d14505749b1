import { EventArchive, KeptEvents } from './event-archive.js';
import { SequenceTokens } from './sequence-tokens.js';
import { TokenBucket } from '../shared/token-bucket.js';

/** One log stream: its quota bucket, its tokens, counts of what it stored, and the events it keeps (if any). */
export class LogStream {
  readonly name: string;
  readonly createdAt: number;
  readonly tokens: SequenceTokens;
  /** Undefined when the per-stream quota is off. */
  readonly bucket: TokenBucket | undefined;
  /** Stored events kept for reading, within the sink's `keepEvents` budget. */
  readonly kept = new KeptEvents();
  batches = 0;
  events = 0;
  bytes = 0;
  firstEventTimestamp: number | undefined;
  lastEventTimestamp: number | undefined;
  lastIngestionTime: number | undefined;

  constructor(name: string, number: number, now: number, bucket: TokenBucket | undefined) {
    this.name = name;
    this.createdAt = now;
    this.tokens = new SequenceTokens(number);
    this.bucket = bucket;
  }
}

export class LogGroup {
  readonly name: string;
  readonly createdAt: number;
  readonly streams = new Map<string, LogStream>();
  retentionInDays: number | undefined;

  /** Retention in ms, when the group has a retention policy. */
  get retentionMs(): number | undefined {
    return this.retentionInDays === undefined ? undefined : this.retentionInDays * 86_400_000;
  }

  constructor(name: string, now: number) {
    this.name = name;
    this.createdAt = now;
  }
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
export class LogStore {
  readonly groups = new Map<string, LogGroup>();
  readonly archive: EventArchive;
  readonly #rate: number;
  readonly #burst: number;
  #streamNumber = 0;

  constructor(streamRate: number, streamBurst: number, keepEventsBytes: number) {
    this.archive = new EventArchive(keepEventsBytes);
    this.#rate = streamRate;
    this.#burst = streamBurst;
  }

  createStream(group: LogGroup, name: string, now: number): LogStream {
    this.#streamNumber += 1;
    const bucket = this.#rate > 0 ? new TokenBucket(this.#rate, this.#burst, now) : undefined;
    const stream = new LogStream(name, this.#streamNumber, now, bucket);
    group.streams.set(name, stream);
    return stream;
  }

  info(): StreamInfo[] {
    const out: StreamInfo[] = [];
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
