import type net from 'node:net';
import { type ToxiproxyServer } from '../../src/faults/api/server.js';
import type { Proxy } from '../../src/faults/proxy.js';
import type { ToxicInput } from '../../src/faults/toxic-collection.js';
import { type SinkServer, type TestServer } from './tcp-servers.js';
/** The embedded Toxiproxy server on 127.0.0.1, port 0, with a fixed seed. */
export declare function startToxiproxy(seed?: number): Promise<{
    server: ToxiproxyServer;
    url: string;
    port: number;
}>;
/** An embedded proxy with an echo server and a sink server to route its proxies to. */
export interface ProxyStage {
    server: ToxiproxyServer;
    echo: TestServer;
    sink: SinkServer;
}
/**
 * Inside a describe: a ProxyStage started before its tests and closed after them. Its fields are set by
 * the `before` hook, so they are read inside the tests.
 */
export declare function proxyStage(): ProxyStage;
/** A proxy on 127.0.0.1:0 in front of `upstream`, created through the programmatic API. */
export declare function proxyTo(server: ToxiproxyServer, name: string, upstream: string, toxics?: ToxicInput[]): Promise<Proxy>;
export declare function proxyPort(proxy: Proxy): number;
/** A raw HTTP/1.1 exchange: the response exactly as it came over the wire, on its own connection. */
export interface RawResponse {
    raw: string;
    status: number;
    /** Header lines in wire order, as [name, value]. */
    headers: [string, string][];
    body: string;
}
export declare function rawRequest(port: number, method: string, path: string, body?: string, extraHeaders?: string[]): Promise<RawResponse>;
/** The raw response with the Date and X-Toxiproxy-Request-Id values elided, as the contract's appendix shows them. */
export declare function elided(r: RawResponse): string;
/** Round-trip time in ms of `size` bytes through an echo path. */
export declare function roundTrip(s: net.Socket, size?: number): Promise<number>;
