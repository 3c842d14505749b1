import type { Random } from '../core/random.js';
/** Fields every DNS fault may carry. */
interface DnsFaultBase {
    /**
     * Share of matching queries the fault hits, rolled per query with the server's seeded Random
     * (as Toxiproxy rolls toxicity). 1 (the default) hits every query.
     */
    toxicity?: number;
}
/** The query is dropped: never answered, not even after the fault is removed (a lost packet). */
export interface DnsStallFault extends DnsFaultBase {
    kind: 'stall';
}
/**
 * The answer is held back for `ms` scenario ms (± `jitter`, uniform), then sent, even if the fault
 * was removed meanwhile. Delays of several matching faults add up.
 */
export interface DnsDelayFault extends DnsFaultBase {
    kind: 'delay';
    ms: number;
    jitter?: number;
}
/** The name does not exist (rcode 3); a resolver reports ENOTFOUND. */
export interface DnsNxdomainFault extends DnsFaultBase {
    kind: 'nxdomain';
}
/** The server failed (rcode 2); a resolver reports ESERVFAIL. */
export interface DnsServfailFault extends DnsFaultBase {
    kind: 'servfail';
}
/**
 * The name resolves to other addresses: A queries get the IPv4 ones, AAAA queries the IPv6 ones
 * (an empty answer when there are none). Applies to unknown names too, like a poisoned cache.
 */
export interface DnsWrongAddressFault extends DnsFaultBase {
    kind: 'wrong-address';
    addresses: string[];
}
/** A fault of the loopback DNS server. Durations are scenario ms. */
export type DnsFault = DnsStallFault | DnsDelayFault | DnsNxdomainFault | DnsServfailFault | DnsWrongAddressFault;
export type DnsFaultKind = DnsFault['kind'];
/** An active fault: `name` null applies to every name. */
export interface DnsFaultEntry {
    id: number;
    name: string | null;
    fault: DnsFault;
}
/** How the answer to a query is formed after faults. */
export type DnsAnswerMode = {
    kind: 'normal';
} | {
    kind: 'nxdomain';
} | {
    kind: 'servfail';
} | {
    kind: 'wrong-address';
    addresses: readonly string[];
};
/** What the server does with one query: drop it, or answer per `answer` after `delayMs` scenario ms. */
export interface DnsDecision {
    stall: boolean;
    delayMs: number;
    answer: DnsAnswerMode;
    /** Ids of the faults that hit this query. */
    faultIds: number[];
}
/** Lower case, no trailing dot: the form names are matched in. */
export declare function normalizeDnsName(name: string): string;
/** Throws InputError when a fault is malformed; returns a copy safe to keep. */
export declare function validateDnsFault(fault: DnsFault): DnsFault;
/** A short human form for journals and logs, e.g. `delay 500ms on sink.duress.test`. */
export declare function describeDnsFault(fault: DnsFault, name?: string | null): string;
/**
 * The active faults of a DNS server and how they combine for a query. Every matching fault is rolled
 * for its toxicity; of those that hit: any stall drops the query, delays add up, and the answer comes
 * from the most recently added answer-changing fault, faults on the name before faults on all names.
 */
export declare class DnsFaultTable {
    #private;
    /** Adds a fault for `name` (all names when omitted or null); returns its id. */
    add(fault: DnsFault, name?: string | null): number;
    /** Removes a fault; false when there was none with this id. */
    remove(id: number): boolean;
    /** Replaces every fault of exactly this scope (a name, or all names) with `fault`; returns its id, or null when cleared. */
    set(fault: DnsFault | null, name?: string | null): number | null;
    clear(): void;
    list(): DnsFaultEntry[];
    decide(name: string, random: Random): DnsDecision;
}
export {};
