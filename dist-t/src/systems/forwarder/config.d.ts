/** `system: { kind: forwarder }` after loading and defaults (schema.ts): what the forwarder's instances run. */
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
