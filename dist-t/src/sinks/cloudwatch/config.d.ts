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
