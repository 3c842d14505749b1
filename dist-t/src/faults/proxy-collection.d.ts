import { type Clock } from '../core/clock.js';
import { Random } from '../core/random.js';
import { type ToxiproxyApiError } from './api/errors.js';
import { type JValue } from './go-json.js';
import { Proxy, type ProxyJson, type ProxyUpdate } from './proxy.js';
/** A proxy to create. `listen` defaults to '' (every interface, a random port); `enabled` to true. */
export interface ProxyConfig {
    name: string;
    listen?: string;
    upstream: string;
    enabled?: boolean;
}
/** What POST /populate reports: the proxies handled so far (as Toxiproxy renders them), and the error that stopped it. */
export interface PopulateOutcome {
    proxies: Proxy[];
    json: ProxyJson[];
    error?: ToxiproxyApiError;
}
/**
 * Every proxy of one Toxiproxy-compatible server, by name. The methods are the programmatic API (they throw
 * ToxiproxyApiError with Toxiproxy's status and message); the `…Json` variants take a parsed request body
 * and decode it with Go's rules, for the HTTP server.
 */
export declare class ProxyCollection {
    #private;
    readonly clock: Clock;
    constructor(opts?: {
        clock?: Clock;
        random?: Random;
    });
    list(): Proxy[];
    find(name: string): Proxy | undefined;
    /** The named proxy; throws 404 `proxy not found`. */
    get(name: string): Proxy;
    create(config: ProxyConfig): Promise<Proxy>;
    /** POST /proxies. */
    createJson(body: JValue): Promise<Proxy>;
    update(name: string, input: ProxyUpdate): Promise<Proxy>;
    /** PATCH/POST /proxies/{name}: omitted fields keep their values; `name` is ignored. */
    updateJson(name: string, body: JValue): Promise<Proxy>;
    /** Creates or replaces proxies; throws the first error (the proxies before it stay). */
    populate(configs: ProxyConfig[]): Promise<Proxy[]>;
    /**
     * POST /populate, as Toxiproxy 2.12: every name and upstream is checked before anything changes; a proxy
     * of the same name is replaced only if its listen address resolves differently or its upstream differs
     * (Proxy.Differs); an unchanged one is kept with its toxics and connections, and reported in its real
     * state, as Toxiproxy's AddOrReplace returns the existing proxy; `enabled` null or absent means true.
     */
    populateJson(body: JValue): Promise<PopulateOutcome>;
    /** DELETE /proxies/{name}: stops the proxy (closing its connections) and forgets it. */
    remove(name: string): Promise<void>;
    /** POST /reset: enables every proxy and removes every toxic; stops at the first proxy that cannot start. */
    reset(): Promise<void>;
    /** Stops and forgets every proxy. */
    clear(): Promise<void>;
}
