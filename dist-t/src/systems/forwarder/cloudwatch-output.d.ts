import type { Clock } from '../../core/clock.js';
import type { CloudWatchOutputConfig } from './config.js';
import type { Chunk } from './chunk.js';
import { type NetworkErrorKind, type NetworkStack } from './network/network-stack.js';
/** What one flush ended with, as Fluent Bit's engine sees it: FLB_OK, FLB_RETRY or FLB_ERROR. */
export type FlushOutcome = 'ok' | 'retry' | 'error';
/** How one HTTP request ended; results count requests by these. */
export type RequestOutcome = 'ok' | 'throttled' | 'invalid_sequence_token' | 'data_already_accepted' | 'resource_already_exists' | 'resource_not_found' | 'invalid_parameter' | 'no_request_id' | 'client_error' | 'server_error' | NetworkErrorKind;
/** PutLogEvents limits (domain.md §3). */
export declare const BATCH_MAX_BYTES = 1048576;
export declare const EVENT_OVERHEAD_BYTES = 26;
export declare const BATCH_MAX_EVENTS = 10000;
export declare const BATCH_MAX_SPAN_MS: number;
/**
 * The CloudWatch Logs output of the forwarder, as Fluent Bit's cloudwatch_logs plugin behaves before
 * 2023: create the group and stream on first use, PutLogEvents with sequence tokens, events sorted by
 * time and split at the API's batch limits, a failed request (no HTTP answer, or 200 without a request
 * id) retried once at once (auto_retry_requests), and every other failure handed back as a retry.
 */
export declare class CloudWatchOutput {
    #private;
    constructor(config: CloudWatchOutputConfig, stream: string, net: NetworkStack, clock: Clock, onRequest: (outcome: RequestOutcome, latencyMs: number) => void);
    /** Splits and serializes a chunk once; a retry sends the same bytes without doing the work again. */
    prepare(chunk: Chunk): void;
    flush(chunk: Chunk): Promise<FlushOutcome>;
}
/** Splits a chunk (sorted by time) into index ranges that each fit PutLogEvents' limits. */
export declare function splitBatches(chunk: Chunk): {
    from: number;
    to: number;
}[];
