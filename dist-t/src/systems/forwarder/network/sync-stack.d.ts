import { type LookupFunction } from 'node:net';
import type { Clock } from '../../../core/clock.js';
import type { NetConfig } from '../config.js';
import { type HttpAnswer, type NetworkStack, type SocketOwner } from './network-stack.js';
export interface SyncStackOptions {
    origin: string;
    net: NetConfig;
    clock: Clock;
    /** Resolves the origin's host name; on this stack it is called with no deadline (blocking getaddrinfo). */
    lookup?: LookupFunction;
    /** With an `https:` origin: the CA certificate (PEM) to trust, the mock sink's. */
    ca?: string;
    /** The instance's scope, when it shares its worker: its sockets are the scope's. */
    owner?: SocketOwner;
}
/**
 * Fluent Bit's legacy synchronous network stack (domain.md §1), one request at a time on one connection,
 * with its known defect classes kept on purpose so that the no-patch variant fails for real reasons:
 *  - the host name is resolved with no timeout of its own (a stalled DNS server stalls the flush forever);
 *  - connect is bounded by connectTimeout, but reads have no timeout unless ioTimeout is set
 *    (SO_RCVTIMEO; default 0 = wait forever), so a link that swallows data hangs the flush;
 *  - a kept-alive connection is not watched while idle: nobody listens for its errors, so a reset that
 *    arrives while it is idle surfaces as an uncaught error and takes the instance down (a crash), and a
 *    connection the server closed while idle is only discovered when the next request fails on it.
 * Nothing here is random: each defect shows only when the network really does that thing.
 */
export declare class SyncStack implements NetworkStack {
    #private;
    constructor(options: SyncStackOptions);
    post(path: string, headers: Record<string, string>, body: string | Buffer): Promise<HttpAnswer>;
    destroy(): Promise<void>;
}
