/**
 * One DNS question asked of one server on sockets of our own (dns-packet on dgram, and on net when the
 * answer comes back truncated), the way a stub resolver asks it.
 *
 * Why not c-ares (`dns.Resolver`): c-ares retransmits on its own coarse timer (250 ms at least, checked
 * once a tick) that a scaled clock cannot drive, and it is a second resolver to keep alike with the
 * no-deadline one the sync stack needs. Lookups of isolated instances run here on the main thread, never
 * in a worker (engine/isolation/lookup-relay.ts explains the process abort that a resolver or a UDP
 * socket in a terminated worker causes).
 */
export type QueryType = 'A' | 'AAAA';
export interface DnsQueryOptions {
    signal: AbortSignal;
    /**
     * Re-sends the question over UDP each time this fires (c-ares retransmits a query that got no answer
     * when its per-try timeout runs out); return a cancel function. Absent: sent once, no retransmission.
     */
    retransmit?: (send: () => void) => () => void;
}
/** A Node-style DNS error: `code` is what c-ares would say (ENOTFOUND, ESERVFAIL, ENODATA, ECANCELLED, ...). */
export interface DnsQueryError extends NodeJS.ErrnoException {
    code: string;
    hostname: string;
}
export declare function dnsError(code: string, hostname: string, syscall?: string): DnsQueryError;
/**
 * Asks `server` for the `type` records of `name`: over UDP, then over TCP if the answer is truncated.
 * Resolves with the addresses; rejects with a {@link DnsQueryError}. It has no deadline of its own:
 * it ends on an answer, a socket error, or `signal` (ECANCELLED), and then closes its sockets at once.
 * Answers that do not match (other id or question, undecodable) are ignored, as a stub resolver does.
 */
export declare function queryDns(server: {
    host: string;
    port: number;
}, name: string, type: QueryType, options: DnsQueryOptions): Promise<string[]>;
