import type { Clock } from '../core/clock.js';
import { Random } from '../core/random.js';
import type { DnsFault, DnsFaultEntry } from './dns-faults.js';
/** Options of {@link createDnsServer}. */
export interface DnsServerOptions {
    /** Loopback address to bind, UDP and TCP on the same port. Default 127.0.0.1. */
    host?: string;
    /** 0 (the default) picks a free port for both UDP and TCP. */
    port?: number;
    /** Name → IPv4 and IPv6 addresses. A queries get the IPv4 ones, AAAA the IPv6 ones; unknown names NXDOMAIN. */
    records?: Record<string, readonly string[]>;
    /** Times delays, in scenario ms. */
    clock: Clock;
    /** TTL of answers in seconds. Default 0, so no resolver caches an answer across a fault change. */
    ttl?: number;
    /** Rolls toxicity and jitter. Default: seeded with 0. */
    random?: Random;
    /** Called once per well-formed query with what was done to it. Errors it throws are ignored. */
    onQuery?: (event: DnsQueryEvent) => void;
}
/** What became of one query. */
export type DnsQueryOutcome = 'answered' | 'nxdomain' | 'servfail' | 'wrong-address' | 'stalled' | 'formerr' | 'notimp';
/** One well-formed query as the server handled it, for journals and tests. */
export interface DnsQueryEvent {
    transport: 'udp' | 'tcp';
    id: number;
    name: string;
    type: string;
    outcome: DnsQueryOutcome;
    /** Scenario ms the answer is held back (0 when sent at once or stalled). */
    delayMs: number;
    faultIds: number[];
}
/**
 * Live counts since the server was made. Every message received ends in exactly one of: a response
 * sent at once, a delayed response, a stall, or `ignored`.
 */
export interface DnsServerCounters {
    /** Datagrams and TCP frames received, well-formed or not. */
    received: number;
    /** Well-formed queries (one question, opcode QUERY). */
    queries: number;
    udpQueries: number;
    tcpQueries: number;
    /** Responses sent, of any rcode, including FORMERR and delayed ones once sent. */
    answered: number;
    /** Queries dropped by a stall. */
    stalled: number;
    /** Queries whose answer was held back by a delay. */
    delayed: number;
    /** Delayed answers not sent yet. */
    pendingDelayed: number;
    /** Delayed answers that could not be sent (their TCP connection closed, or the server stopped). */
    undeliverable: number;
    nxdomain: number;
    servfail: number;
    wrongAddress: number;
    /** FORMERR responses: undecodable messages with a full header, or queries without exactly one question. */
    formerr: number;
    notimp: number;
    /** UDP answers sent truncated (TC) because they did not fit. */
    truncated: number;
    /** Messages dropped without answer: shorter than a header, or responses rather than queries. */
    ignored: number;
    tcpConnections: number;
    /** TCP connections closed by the server for a bad length prefix or an undecodable message. */
    tcpRejected: number;
}
/** A running (or not yet started) loopback DNS server with switchable faults. */
export interface DnsServer {
    /** Binds UDP and TCP on one port; resolves with where it listens. */
    start(): Promise<{
        host: string;
        port: number;
    }>;
    /** Closes both sockets and every TCP connection; delayed answers not yet sent are dropped. Idempotent. */
    stop(): Promise<void>;
    /** Where the server listens, or null before start / after stop. */
    readonly address: {
        host: string;
        port: number;
    } | null;
    /** Replaces every fault for `name` (or for all names when omitted or null) with `fault`; null clears them. */
    setFault(fault: DnsFault | null, name?: string | null): number | null;
    /** Adds a fault for `name` (or all names); returns an id for {@link removeFault}. */
    addFault(fault: DnsFault, name?: string | null): number;
    removeFault(id: number): boolean;
    clearFaults(): void;
    faults(): DnsFaultEntry[];
    /** Sets the addresses of a name; null removes it (NXDOMAIN afterwards). */
    setRecord(name: string, addresses: readonly string[] | null): void;
    readonly counters: Readonly<DnsServerCounters>;
}
/** Makes a DNS server for the systems under test to resolve through. Call `start()` to bind it. */
export declare function createDnsServer(options: DnsServerOptions): DnsServer;
