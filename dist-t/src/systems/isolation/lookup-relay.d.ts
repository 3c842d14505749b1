import type { LookupFunction } from 'node:net';
import type { MessagePort } from 'node:worker_threads';
import type { DnsLookup } from '../../faults/dns-lookup.js';
/** What a shared worker's instance scope does to its lookups (src/systems/isolation/instance-scope.ts). */
export interface LookupScope {
    gate<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
    onKill(fn: () => void): void;
}
/**
 * Worker side: a `net.LookupFunction` whose lookups the main thread resolves ({@link serveLookups} on
 * the other end of `port`). The port is unref'd: a lookup does not keep a stopping worker alive.
 */
export declare function relayedLookup(port: MessagePort, scope?: LookupScope): LookupFunction;
/**
 * Main side: answers the lookups posted on `port` with `lookup`. `close()` (when the instance ends, by
 * stop or kill) cancels the lookups still pending for it and closes the port.
 */
export declare function serveLookups(port: MessagePort, lookup: DnsLookup): {
    close(): void;
};
