import type { Clock } from '../core/clock.js';
import type { Random } from '../core/random.js';
import { Connection } from './connection.js';
import { ToxicCollection, type ToxicInput, type ToxicUpdate } from './toxic-collection.js';
import type { ToxicJson, ToxicWrapper } from './toxic-wrapper.js';
/** A proxy as the API shows it, in Toxiproxy's field order (`Logger` is a quirk of Toxiproxy's JSON). */
export interface ProxyJson {
    name: string;
    listen: string;
    upstream: string;
    enabled: boolean;
    Logger: Record<string, never>;
    toxics: ToxicJson[];
}
/**
 * Bytes one direction of a proxy's connections carried, under Toxiproxy's metric labels: `received` from the
 * source socket, `sent` to the destination (toxiproxy_proxy_{received,sent}_bytes_total). `listener` and
 * `upstream` are the proxy's as the connections were accepted.
 */
export interface LinkTraffic {
    direction: 'upstream' | 'downstream';
    proxy: string;
    listener: string;
    upstream: string;
    received: number;
    sent: number;
}
/** Fields a proxy update may change; omitted ones keep their values. */
export interface ProxyUpdate {
    listen?: string;
    upstream?: string;
    enabled?: boolean;
}
/**
 * One proxy: a TCP listener forwarding every accepted connection to `upstream`, with an upstream
 * (client → server) and a downstream (server → client) link per connection carrying the proxy's toxics.
 * Disabled ("down") means not listening and no connections.
 */
export declare class Proxy {
    #private;
    readonly name: string;
    /** The listen address; after start, the resolved one (port 0 becomes the real port). */
    listen: string;
    upstream: string;
    readonly toxics: ToxicCollection;
    constructor(opts: {
        name: string;
        listen: string;
        upstream: string;
        clock: Clock;
        random: Random;
    });
    get enabled(): boolean;
    /** The port actually listened on, or undefined when down. */
    get port(): number | undefined;
    /** Open connections. */
    get connectionCount(): number;
    /** The open connections (for inspection; the proxy owns them). */
    get connections(): readonly Connection[];
    /** Starts listening; resolves false if already started (Toxiproxy's ErrProxyAlreadyStarted). Throws a 500 ApiError. */
    start(): Promise<boolean>;
    /** Stops listening and closes every connection. */
    stop(): Promise<void>;
    /**
     * Toxiproxy's Proxy.Update: a listen address that resolves to a different one, or another upstream,
     * restarts the proxy (dropping its connections); `enabled` toggles. A listen address that cannot be
     * resolved fails with a 500 and changes nothing.
     */
    update(input: ProxyUpdate): Promise<void>;
    /**
     * Toxiproxy's Proxy.Differs: whether `listen` (resolved as Go's ResolveTCPAddr does, so `localhost:7070`
     * is `127.0.0.1:7070`) or `upstream` (compared as written) differ from this proxy's. Throws a 500
     * ApiError with Go's text when `listen` cannot be resolved.
     */
    differs(listen: string, upstream: string): Promise<boolean>;
    addToxic(input: ToxicInput): Promise<ToxicWrapper>;
    updateToxic(name: string, input: ToxicUpdate): Promise<ToxicWrapper>;
    removeToxic(name: string): Promise<void>;
    getToxic(name: string): ToxicWrapper;
    /**
     * Bytes carried so far, closed and open connections together, one entry per direction and label set. Read
     * from the sockets' own counters when asked, so counting costs nothing on the data path.
     */
    traffic(): LinkTraffic[];
    toJSON(): ProxyJson;
}
