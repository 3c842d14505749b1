/** A `host:port` string split as Go's net.SplitHostPort does; throws with Go's message. */
export declare function splitHostPort(addr: string): {
    host: string;
    port: string;
};
/** `host:port`, bracketing IPv6 hosts, as Go's net.JoinHostPort. */
export declare function joinHostPort(host: string, port: number | string): string;
/**
 * Where to bind for a Toxiproxy `listen` value, as Go's net.Listen("tcp", addr) reads it: '' and an empty
 * host mean every interface (Node binds `::`, dual-stack, as Go does), port '' or 0 a free port. Throws
 * Go-style errors (`address 99999: invalid port`, `address nope: missing port in address`).
 */
export declare function resolveListen(addr: string): Promise<{
    host: string | undefined;
    port: number;
}>;
/**
 * Go's `net.ResolveTCPAddr("tcp", addr).String()`: what Toxiproxy compares a proxy's listen address with
 * (Proxy.Differs), so that `localhost:7070` names the proxy listening on `127.0.0.1:7070`. '' is `:0`.
 */
export declare function resolveTcpAddrText(addr: string): Promise<string>;
/** The upstream to dial; throws Go-style errors for malformed addresses. */
export declare function parseUpstream(addr: string): {
    host: string;
    port: number;
};
/** A bind failure as Go's `listen tcp <addr>: bind: …`. */
export declare function listenErrorText(host: string | undefined, port: number, err: NodeJS.ErrnoException): string;
