import net from 'node:net';
/** A TCP server on 127.0.0.1, port 0, that tracks its sockets and closes them all on `close()`. */
export interface TestServer {
    port: number;
    address: string;
    sockets: Set<net.Socket>;
    close(): Promise<void>;
}
/** Echoes every byte back; ends its side when the client ends. */
export declare function startEchoServer(): Promise<TestServer>;
/** A sink that records every byte it receives, per connection, and whether the peer ended or reset. */
export interface SinkServer extends TestServer {
    received: Buffer[][];
    /** Resolves with the connection's bytes once it ended or closed. */
    finished: Promise<{
        data: Buffer;
        how: 'end' | 'close';
    }>[];
    /** Resolves when `n` connections have been accepted. */
    accepted(n: number): Promise<void>;
}
export declare function startSinkServer(): Promise<SinkServer>;
/** On every connection, writes `payload(i)` once the client has sent anything (i: connection index). */
export declare function startSendServer(payload: (i: number) => Buffer): Promise<TestServer>;
/** Connects to 127.0.0.1:port; rejects on error. */
export declare function connect(port: number): Promise<net.Socket>;
/** Rejects after `ms` with a message saying what was awaited, so a stuck wait fails the test instead of hanging it. */
export declare function within<T>(ms: number, what: string, p: Promise<T>): Promise<T>;
/** Reads exactly `n` bytes (resolves with them), counting the 'data' events it took. */
export declare function readBytes(s: net.Socket, n: number): Promise<{
    data: Buffer;
    events: number;
}>;
/** Everything the socket delivers until it ends or closes, and how it finished ('end', or the error code). */
export declare function readToEnd(s: net.Socket): Promise<{
    data: Buffer;
    how: string;
    events: number;
}>;
/** Median of a list of numbers. */
export declare function median(xs: readonly number[]): number;
