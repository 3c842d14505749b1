import type { LookupAddress, LookupOptions } from 'node:dns';
import type { Clock } from '../core/clock.js';
import { type DnsQueryError } from './dns-query.js';
/** Options of {@link createLookup}. */
export interface DnsLookupOptions {
    /** The DNS server to ask (our fault server). */
    server: {
        host: string;
        port: number;
    };
    /**
     * Scenario ms a whole lookup may take before it fails with ETIMEOUT (Fluent Bit's async stack, c-ares).
     * null waits forever, like the blocking getaddrinfo of Fluent Bit's sync stack: a stalled query hangs
     * until the stall would end, which for a dropped packet is never, or until cancelled.
     */
    timeout: number | null;
    clock: Clock;
    /** With a timeout: how many times the query is sent within it (c-ares retransmits). Default 1. */
    tries?: number;
    /** Aborting cancels every pending lookup and fails later ones at once (teardown). */
    signal?: AbortSignal;
}
/** A Node-style lookup error: `code` ENOTFOUND (NXDOMAIN or no address), ESERVFAIL, ETIMEOUT, ECANCELLED, ... */
export type DnsLookupError = DnsQueryError;
/** Callback of {@link net.LookupFunction}. */
export type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/**
 * A `net.LookupFunction` that resolves through our DNS server; pass it as `lookup` to `net.connect`,
 * `tls.connect` or undici's `connect` options. IP literals and `localhost` do not touch DNS.
 */
export interface DnsLookup {
    (hostname: string, options: LookupOptions, callback: LookupCallback): void;
    /**
     * The same lookup, with its queries cancelled (ECANCELLED) when `signal` aborts. For a connection:
     * abort on the socket's `close`, so a lookup hung on a stall does not outlive the socket.
     */
    withSignal(signal: AbortSignal): (hostname: string, options: LookupOptions, callback: LookupCallback) => void;
    /** Promise form: every address found (family 0 asks for A and AAAA at once, IPv4 first). */
    resolve(hostname: string, options?: {
        family?: 0 | 4 | 6;
        signal?: AbortSignal;
    }): Promise<LookupAddress[]>;
    /** Cancels every pending lookup (ECANCELLED). */
    cancelAll(): void;
    /** Lookups not settled yet. */
    readonly pending: number;
}
/** Makes a lookup that resolves names through `server`, with or without a timeout. */
export declare function createLookup(options: DnsLookupOptions): DnsLookup;
