/**
 * A real Toxiproxy server for side-by-side benchmarks: the binary named by TOXIPROXY_SERVER, or
 * `toxiproxy-server` on the PATH (it can be built from github.com/Shopify/toxiproxy with Debian's Go
 * packages). Absent: the benchmark runs without it and says so.
 */
export declare function findToxiproxyServer(): string | undefined;
export interface RealToxiproxy {
    version: string;
    /** Listen ports of the proxies made, one per upstream port, in order. */
    ports: number[];
    stop(): Promise<void>;
}
/** Starts `binary` on loopback and makes one proxy per upstream port, without toxics. */
export declare function startRealToxiproxy(binary: string, upstreams: number[]): Promise<RealToxiproxy>;
