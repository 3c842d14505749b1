import { type Socket } from 'node:net';
import type { Clock } from '../../src/core/clock.js';
import { type CloudWatchSink, type CloudWatchSinkOptions, type SinkAddress } from '../../src/sinks/cloudwatch/index.js';
/** Sink settings for tests: no throttling, tokens on, idle close far away, no latency. */
export declare const TEST_SINK: CloudWatchSinkOptions;
export interface TestSink {
    sink: CloudWatchSink;
    address: SinkAddress;
    /** Calls an operation with a JSON body (or raw text) on a fresh connection. */
    call(op: string, body: unknown): Promise<RawAnswer>;
    stop(): Promise<void>;
}
export interface RawAnswer {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
    json: Record<string, unknown>;
}
export declare function startTestSink(overrides?: Partial<CloudWatchSinkOptions>, clock?: Clock): Promise<TestSink>;
/** One POST on its own connection (no agent), with a 10 s bound. */
export declare function post(address: SinkAddress, headers: Record<string, string>, body: string | Buffer, method?: string): Promise<RawAnswer>;
/** A raw TCP connection to the sink, with everything it received and a promise of its close. */
export interface RawConnection {
    socket: Socket;
    received(): string;
    /** Resolves when the received bytes contain `text` at least `times` times (default once). */
    waitFor(text: string, times?: number): Promise<void>;
    closed: Promise<void>;
}
export declare function rawConnection(address: SinkAddress): Promise<RawConnection>;
/** A raw HTTP/1.1 keep-alive request for `rawConnection`. */
export declare function rawPut(op: string, body: string): string;
/** Creates `group` and `stream` on the sink. */
export declare function createStream(t: TestSink, group?: string, stream?: string): Promise<void>;
/** `n` events starting at `start`, 1 ms apart, messages `${prefix}-i`. */
export declare function events(n: number, start?: number, prefix?: string): {
    timestamp: number;
    message: string;
}[];
