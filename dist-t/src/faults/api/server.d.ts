import type { Clock } from '../../core/clock.js';
import type { Random } from '../../core/random.js';
import { type JValue } from '../go-json.js';
import { ProxyCollection } from '../proxy-collection.js';
import { type MetricsOptions } from './metrics.js';
/** A request body as Go's json.Decoder reads it, with duress's bound on string lengths (limits.ts). */
export declare function parseBody(body: Uint8Array): JValue;
export interface ToxiproxyServerOptions {
    /** Default 127.0.0.1 (Toxiproxy's default is localhost). */
    host?: string;
    /** Default 8474; 0 picks a free port. */
    port?: number;
    /** Times every toxic; the standalone server uses wallClock. */
    clock?: Clock;
    /** Seeds toxicity rolls, jitter and slicing so runs repeat. */
    random?: Random;
    /** What GET /version reports; default duress's version. */
    version?: string;
    /** Serve an existing collection instead of a new one. */
    collection?: ProxyCollection;
    /** GET /metrics (Prometheus text), off unless something is enabled, as in Toxiproxy. */
    metrics?: MetricsOptions;
}
export interface ToxiproxyServer {
    readonly collection: ProxyCollection;
    /** Starts listening; resolves with the bound address (the real port when `port` was 0). */
    start(): Promise<{
        host: string;
        port: number;
        url: string;
    }>;
    /** Stops the API, closes its connections, and stops and forgets every proxy. */
    stop(): Promise<void>;
}
/** An HTTP server speaking Toxiproxy's API (v2.12) over a ProxyCollection. */
export declare function createToxiproxyServer(opts?: ToxiproxyServerOptions): ToxiproxyServer;
