import type { FaultSpec } from '../faults/fault-spec.js';

/** A fault on the timeline (its kind's descriptor, src/faults/fault-kind.ts, says what its fields are). */
export type { FaultSpec } from '../faults/fault-spec.js';

/**
 * A scenario after loading, validation and defaults: what the engine runs.
 *
 * Units are resolved here, once: every duration is in milliseconds of *scenario* time (the clock
 * scales them to wall time), every rate is per second of scenario time, every size is in bytes.
 * The YAML form (see schema.ts) accepts `500ms`, `10s`, `2h`, `2000/s`, `64MB`; a bare number is a rate per second or a size in bytes, never a duration.
 */
export interface Scenario {
  name: string;
  description: string | undefined;
  /** Every random choice of the run derives from this. */
  seed: number;
  /** How long each cell runs, in scenario ms. */
  duration: number;
  /** Independent copies of the system per cell. */
  instances: number;
  /** After `duration`, how long the run waits for buffered records to be delivered (scenario ms). */
  drain: number;
  clock: ClockConfig;
  system: SystemConfig;
  sink: SinkConfig;
  failures: FailuresConfig;
  /** Faults to inject, resolved; buildTimeline (src/faults/timeline.ts) turns them into occurrences. */
  faults: FaultSpec[];
  /** Dimension name -> value name -> overrides (deep-merged into the scenario). */
  matrix: Record<string, Record<string, Record<string, unknown>>>;
  /** Threshold expressions such as `lost == 0` or `p99{variant=patch} < 2s`. */
  thresholds: string[];
  report: ReportConfig;
}

export interface ClockConfig {
  /** Scenario seconds per wall second. 1 = real time. */
  speed: number;
}

/** The system under test, by `kind`. */
export type SystemConfig = ForwarderConfig | BrokerConfig;

/** The in-process log forwarder, modelled on Fluent Bit's output path (domain.md §1). */
export interface ForwarderConfig {
  kind: 'forwarder';
  input: {
    /** Records per second, per instance. */
    rate: number;
    /** Bytes of message per record (the id and timestamp are part of it). */
    recordSize: number;
  };
  /** Flush interval (Fluent Bit `Flush`, default 1s). */
  flush: number;
  /** Memory buffer limit in bytes (`Mem_Buf_Limit`). */
  memLimit: number;
  /** What the input does when the buffer is full: `pause` (records wait, counted) or `drop` (counted as declared drops). */
  onFull: 'pause' | 'drop';
  /** Largest chunk the buffer hands to the output in one batch, in bytes (before the API's own limits). */
  chunkSize: number;
  scheduler: SchedulerConfig;
  output: CloudWatchOutputConfig;
  net: NetConfig;
}

export interface SchedulerConfig {
  /**
   * `async`: up to `workers` flushes in flight at once.
   * `sync-minimal`: one batch at a time, the next as soon as the last ends (Fluent Bit's FLB_OUTPUT_SYNCHRONOUS).
   * `sync-legacy`: at most one batch per flush interval, skipped while one is in flight or retrying.
   */
  kind: 'async' | 'sync-minimal' | 'sync-legacy';
  workers: number;
  /** Full-jitter backoff: wait uniform in [base, min(base * 2^n, cap)]. Scenario ms. */
  base: number;
  cap: number;
  /** Retries per chunk after the first attempt; `null` means unlimited (Fluent Bit `no_limits`). */
  retryLimit: number | null;
}

export interface CloudWatchOutputConfig {
  kind: 'cloudwatch';
  logGroup: string;
  /** Each instance writes to its own stream: `${logStreamPrefix}${instanceIndex}`. */
  logStreamPrefix: string;
  autoCreateGroup: boolean;
}

export interface NetConfig {
  /** `async`: undici with all timeouts enforced. `sync`: the legacy blocking-style stack and its defects. */
  stack: 'async' | 'sync';
  keepalive: boolean;
  /** Idle keep-alive connections are closed after this (scenario ms). */
  keepaliveIdleTimeout: number;
  connectTimeout: number;
  /** Read/write timeout; 0 means none (Fluent Bit `net.io_timeout`, default 0). */
  ioTimeout: number;
  /** DNS lookup timeout on the async stack; derived from connectTimeout when not given (domain.md §1). */
  dnsTimeout: number;
}

/**
 * The in-process pub/sub broker (design.md "The broker"): per instance one broker on loopback with its
 * publishers and subscribers; every subscribing client reaches the broker through its own proxy route
 * (its link, `subscriber-<j>` or `peer-<k>`), so a fault can slow or kill one subscriber. Brokers have no
 * sink: the scenario's `sink` is ignored.
 */
export interface BrokerConfig {
  kind: 'broker';
  /** Clients that only publish. */
  publishers: number;
  /** Clients that only subscribe; their links are `subscriber-0` … `subscriber-<n-1>`. */
  subscribers: number;
  /** Clients that publish and subscribe over one connection (links `peer-0` …); in sync-ack mode the ones that can lock up. */
  peers: number;
  /** Topics t0 … t<n-1>; publisher i publishes to topic i mod n, every subscriber subscribes to all. */
  topics: number;
  /** Messages per scenario second, per publisher (and per peer). */
  rate: number;
  /** Payload bytes per message. */
  payloadSize: number;
  /** What the broker does for a subscriber that cannot keep up. */
  inbox: BrokerInboxConfig;
  /** Synchronous acknowledgements with this many slots per pool per connection; absent: off. */
  syncAck?: { slots: number };
  /** Credit window of each subscribing client, bytes: the stand-in for its socket buffers. */
  creditWindow: number;
  /** Bytes buffered in a subscriber's socket before its inbox starts to hold messages. */
  writeHighWater: number;
}

/** A bound in messages and/or bytes; a missing field is no bound on that measure (at least one is given). */
export interface SizeLimitConfig {
  messages?: number;
  bytes?: number;
}

/** The inbox policy of every subscriber of a broker (domain.md §4); durations in scenario ms. */
export type BrokerInboxConfig =
  /** Publishers are held back while any inbox is at `limit`: nothing lost, everyone waits for the slowest. */
  | { kind: 'block'; limit: SizeLimitConfig }
  /** New messages are dropped while the inbox is at `limit`; every drop is counted. */
  | { kind: 'drop-newest'; limit: SizeLimitConfig }
  /** Redis's client-output-buffer-limit: cut off at once past `hard`, or after `softFor` continuously past `soft`. */
  | { kind: 'disconnect'; hard?: SizeLimitConfig; soft?: SizeLimitConfig; softFor: number }
  /** A batching inbox that grows on demand up to `limit`, and cuts off a subscriber lagging more than `lag`. */
  | { kind: 'elastic'; limit?: SizeLimitConfig; lag: number }
  /** Keeps everything: memory grows without bound behind a slow or dead subscriber. */
  | { kind: 'unbounded' };

export type SinkConfig = CloudWatchSinkConfig;

export interface CloudWatchSinkConfig {
  kind: 'cloudwatch';
  /**
   * `ignored`: the service since January 2023, tokens accepted and ignored. `enforced`: the pre-2023 service,
   * each put must carry the token the previous one returned (InvalidSequenceTokenException otherwise).
   */
  sequenceTokens: 'enforced' | 'ignored';
  /** Per-stream PutLogEvents quota (requests/s); 0 disables throttling. The pre-2023 quota was 5/s. */
  streamRate: number;
  /** Token-bucket burst for the per-stream quota. */
  streamBurst: number;
  /** Largest log event in bytes (UTF-8 message + 26); the schema's default follows `sequenceTokens` (limits.ts). */
  maxEventSize: number;
  /** Idle keep-alive connections are closed by the sink after this (scenario ms; the real service: 6s). */
  idleTimeout: number;
  /** Added service time per request (scenario ms). */
  latency: number;
  /** Serve HTTPS with a certificate made at start. */
  tls: boolean;
  /** Bytes of stored events kept for GetLogEvents / FilterLogEvents, oldest dropped first; 0 keeps none. */
  keepEvents: number;
  /** Request bytes held at once across all connections; requests beyond it wait. */
  requestBudget: number;
}

export interface FailuresConfig {
  /** Input keeps arriving but nothing is delivered for this long: a hang (scenario ms). */
  hangWindow: number;
  /**
   * Live memory per instance above which it is declared failed (bytes); 0 = no limit. Live memory: V8 heap
   * in use after a full collection plus external memory; two full collections in a row over it (watchdog.ts).
   */
  memoryLimit: number;
  /** Confidence of the hours-to-failure lower bound, e.g. 0.95. */
  confidence: number;
}

export interface ReportConfig {
  /** Metrics interval for the journal and the over-time charts (scenario ms). */
  interval: number;
  /** Which renderers run after a run. */
  formats: ReportFormat[];
}

export type ReportFormat = 'terminal' | 'json' | 'markdown' | 'html' | 'junit';
