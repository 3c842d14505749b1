import type { MetricsOptions } from '../faults/api/metrics.js';
import type { ProxyConfig } from '../faults/proxy-collection.js';
import { type CloudWatchSink, type CloudWatchSinkOptions } from '../sinks/cloudwatch/index.js';
/**
 * duress's servers on their own, in real time, for a test of the user's that needs them without a
 * scenario: the Toxiproxy-compatible fault proxy (`duress proxy`) and the mock CloudWatch Logs sink
 * (`duress sink cloudwatch`). Each is started listening and stopped with `stop()`.
 */
/** Where and how the fault proxy's API listens. */
export interface FaultProxyOptions {
    /** Address of the HTTP API; default 127.0.0.1. */
    host?: string;
    /** Port of the HTTP API; default 0, any free port (the CLI's default is Toxiproxy's 8474). */
    port?: number;
    /** Seeds toxicity rolls, jitter and slicing, so a test repeats; default random. */
    seed?: number;
    /** What GET /version reports (for clients that check it, e.g. `v2.12.0`); default duress's version. */
    version?: string;
    /** GET /metrics as toxiproxy-server's -proxy-metrics and -runtime-metrics; off by default. */
    metrics?: MetricsOptions;
    /** Proxies to create before it listens, as a POST /populate body would. */
    proxies?: readonly ProxyConfig[];
}
/** A started fault proxy: drive it with any Toxiproxy client (toxiproxy-node-client, toxiproxy-go...) at `url`. */
export interface FaultProxy {
    /** `http://host:port` of the API. */
    url: string;
    host: string;
    port: number;
    /** Stops the API, closes its connections, and stops and forgets every proxy. */
    stop(): Promise<void>;
}
/**
 * Starts the embedded fault proxy: an HTTP server speaking Toxiproxy's API (v2.12) over real TCP proxies
 * with Toxiproxy's toxics, in real time. A port that cannot be had, or a proxy that cannot be created, is
 * an InputError (nothing is left listening).
 */
export declare function startFaultProxy(options?: FaultProxyOptions): Promise<FaultProxy>;
/**
 * How the mock CloudWatch Logs sink behaves: a scenario's `sink` section in milliseconds, bytes and
 * requests per second, plus where it listens; everything has the default of `duress sink cloudwatch`.
 */
export type CloudWatchSinkServerOptions = Partial<Omit<CloudWatchSinkOptions, 'kind'>>;
/** A started mock CloudWatch Logs sink: give `url` (and `ca` with TLS) to the client under test as its endpoint. */
export interface CloudWatchSinkServer {
    /** `http://host:port`, or `https://` with TLS. */
    url: string;
    host: string;
    port: number;
    /** With TLS: the CA certificate (PEM) the client must trust. */
    ca: string | undefined;
    /** The sink itself: live counters, stored streams, every accepted batch, and its faults (throttling, errors, latency...). */
    sink: CloudWatchSink;
    /** Closes the listener and every connection at once, cancels pending answers and ends all faults. */
    stop(): Promise<void>;
}
/**
 * Starts the mock CloudWatch Logs service in real time: the JSON 1.1 API with its errors, sequence tokens,
 * quotas and limits. Defaults as `duress sink cloudwatch`: tokens ignored (the service since 2023), so no
 * per-stream quota; with `sequenceTokens: 'enforced'` the pre-2023 5/s. A port that cannot be had is an InputError.
 */
export declare function startCloudWatchSink(options?: CloudWatchSinkServerOptions): Promise<CloudWatchSinkServer>;
