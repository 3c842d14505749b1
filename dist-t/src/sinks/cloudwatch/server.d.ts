import type { Clock } from '../../core/clock.js';
import type { Sink } from '../sink.js';
import type { CloudWatchSinkConfig } from './config.js';
import { type SinkCounters } from './counters.js';
import { type StreamInfo } from './log-store.js';
import type { SinkFaultSpec } from './fault-types.js';
import { type SinkFaults } from './sink-faults.js';
import type { AcceptedBatch } from './sink-state.js';
/** Fields of the scenario's `sink` section that a caller may leave out (their defaults are in limits.ts; no TLS, no events kept). */
type DefaultedFields = 'maxEventSize' | 'tls' | 'keepEvents' | 'requestBudget';
/** The sink's configuration: the scenario's `sink` section plus where to listen. */
export interface CloudWatchSinkOptions extends Omit<CloudWatchSinkConfig, DefaultedFields>, Partial<Pick<CloudWatchSinkConfig, DefaultedFields>> {
    /** Default 127.0.0.1. */
    host?: string;
    /** Default 0: any free port (see the address `start` resolves with). */
    port?: number;
    /** Larger request bodies are answered 413 RequestEntityTooLargeException (default 8 MiB, limits.ts). */
    maxBodyBytes?: number;
    /** With `tls`: DNS names the certificate covers besides localhost, 127.0.0.1 and ::1 (`*.x` allowed). */
    tlsNames?: readonly string[];
    /** With `tls`: where to write the CA certificate (PEM) at start, for clients that read a CA file. */
    caFile?: string;
}
export interface SinkAddress {
    host: string;
    port: number;
    /** `http://host:port`, or `https://host:port` with TLS: the endpoint to give a CloudWatch Logs client. */
    url: string;
    /** With TLS: the CA certificate (PEM) that signed the sink's certificate, for the client to trust. */
    ca?: string;
}
/**
 * A mock CloudWatch Logs service on a real HTTP or HTTPS server (domain.md §3): the JSON 1.1 API, its errors,
 * sequence tokens (enforced as before 2023, or ignored as now), the per-stream quota, batch and event limits,
 * retention, reads of what arrived (within `keepEvents`), idle keep-alive closes, a byte budget across
 * requests, and programmatic faults. Every stored batch goes to the `onAccepted` listeners, in order.
 */
export interface CloudWatchSink extends Sink<SinkFaultSpec> {
    start(): Promise<SinkAddress>;
    /** Closes the listener and every connection at once, cancels pending answers and ends all faults. */
    stop(): Promise<void>;
    /** Called once per stored batch, in the order stored. Returns an unsubscribe function. */
    onAccepted(listener: (batch: AcceptedBatch) => void): () => void;
    /** Live counters (a plain object updated in place). */
    readonly counters: SinkCounters;
    readonly faults: SinkFaults;
    /** Every stream with what it stored, for tests and reports. */
    streams(): StreamInfo[];
}
export declare function createCloudWatchSink(config: CloudWatchSinkOptions, clock: Clock): CloudWatchSink;
export {};
