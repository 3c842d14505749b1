import type { LookupFunction } from 'node:net';
import type { Clock } from '../../../core/clock.js';
import type { NetConfig } from '../config.js';
import { type HttpAnswer, type NetworkStack, type SocketOwner } from './network-stack.js';
export interface AsyncStackOptions {
    origin: string;
    net: NetConfig;
    clock: Clock;
    /** Resolves the origin's host name (the DNS fault server's resolver); default: the system resolver. */
    lookup?: LookupFunction;
    /** With an `https:` origin: the CA certificate (PEM) to trust, the mock sink's. */
    ca?: string;
    /** The instance's scope, when it shares its worker: its sockets are the scope's. */
    owner?: SocketOwner;
}
/**
 * Fluent Bit's async stack, on undici: connect timeout, I/O timeout (headers and body; 0 = none, as
 * `net.io_timeout` defaults), keep-alive with an idle timeout, or a fresh connection per request when
 * keep-alive is off. All durations are scenario time, turned into wall time by the clock.
 */
export declare class AsyncStack implements NetworkStack {
    #private;
    constructor(options: AsyncStackOptions);
    post(path: string, headers: Record<string, string>, body: string | Buffer): Promise<HttpAnswer>;
    destroy(): Promise<void>;
}
