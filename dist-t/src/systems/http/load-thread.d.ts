import { type Dispatcher } from 'undici';
import type { ArrivalRate, HttpRequestSpec, LoadProgress } from './load-options.js';
import { type LoadPart } from './load-tally.js';
/** One thread's share of a run (see LoadOptions for the meaning of each field). */
export interface ThreadShare {
    origin: string;
    requests: HttpRequestSpec[];
    /** This thread's connections. */
    connections: number;
    pipelining: number;
    /** The whole run's arrival rate; this thread sends the requests k ≡ index (mod count). */
    arrival?: ArrivalRate;
    durationMs: number;
    index: number;
    count: number;
    drainTimeoutMs: number;
    requestTimeoutMs: number;
}
/** Now on the axis every thread shares: each thread's timeOrigin differs, their sum with now() does not. */
export declare const epochNow: () => number;
/**
 * The load of one thread: `share.connections` undici Clients (one TCP connection each, HTTP/1.1, up to
 * `pipelining` requests in flight on each), fed by the arrival schedule (open model) or by completions
 * (closed model).
 *
 * Free request slots (a connection with room in its pipeline) sit on a stack; a request takes one and gives
 * it back when it completes or fails. In the open model, requests that fall due while no slot is free wait
 * in a backlog of due times, oldest first, and are sent as slots free up: their corrected latency (from
 * the due time) includes the wait, their uncorrected latency (from the hand-over to undici) does not. What
 * is still in the backlog when the schedule ends was never sent: the shortfall.
 */
export declare class LoadThread {
    #private;
    constructor(share: ThreadShare);
    /**
     * Opens every connection before the start, as wrk2 does, so that the first requests do not pay for the
     * TCP handshake. A connection that cannot be opened is left to its Client, which tries again at the
     * first request and reports the error there.
     */
    connect(): Promise<void>;
    /**
     * Runs the share from `startEpochMs` (on the axis performance.timeOrigin + performance.now() that every
     * thread shares) to its end, or until `signal` aborts, and returns what it measured.
     */
    run(startEpochMs: number, signal?: AbortSignal, onProgress?: (p: LoadProgress) => void): Promise<LoadPart>;
    progress(): LoadProgress;
    /** A request ended (response or error): its slot is free again for the backlog or the closed loop. */
    done(handler: RequestHandler, status: number | undefined, error: Error | undefined): void;
    received(bytes: number): void;
}
/**
 * undici's handler for one request: notes the status and body bytes and reports the end to the thread.
 *
 * It uses undici's first handler interface (onConnect, onHeaders, onData, onComplete, onError), which
 * undici 7 still calls directly: the newer one (onRequestStart, onResponseStart, …) goes through an
 * adapter that allocates a controller and parses every header into an object for each request, which
 * costs about a fifth of the generator's time per request and shows in its latency tail.
 */
declare class RequestHandler implements Dispatcher.DispatchHandler {
    #private;
    readonly thread: LoadThread;
    readonly client: number;
    /** Local ms; undefined in the closed model. */
    readonly due: number | undefined;
    readonly sentAt: number;
    constructor(thread: LoadThread, client: number, 
    /** Local ms; undefined in the closed model. */
    due: number | undefined, sentAt: number);
    onConnect(): void;
    onHeaders(statusCode: number): boolean;
    onData(chunk: Buffer): boolean;
    onComplete(): void;
    onError(error: Error): void;
}
export {};
