import { type MessagePort } from 'node:worker_threads';
import type { WorkerBaseData } from '../../../src/systems/isolation/worker-protocol.js';
/**
 * A lean instance for the kill stress test (kill-stress-child.ts): lanes that resolve names the way an
 * instance worker does (relayed to the main thread, lookup-relay.ts) and POST through the forwarder's real network stacks, without the rest of the forwarder, so
 * that thousands of workers can be started and killed quickly. It publishes what it is in the middle of
 * in shared memory (see StressState), and freezes its thread on `freeze` exactly as an instance worker does (src/systems/isolation/worker-protocol.ts).
 */
/** Indexes into the worker's shared Int32Array. */
export declare const StressState: {
    /** Lookups started and not settled. */
    readonly lookups: 0;
    /** Requests (lookup, connect, exchange) started and not settled. */
    readonly requests: 1;
    /** 1 while the thread is frozen by `freeze`. */
    readonly paused: 2;
    /** Lookups and requests that settled: proof that answers were flowing. */
    readonly settled: 3;
    /** Length of the array. */
    readonly size: 4;
};
export type StressMode = 'lookup' | 'request' | 'pause';
/** For shared-stress-worker.ts (its constants live here: that module runs an instance when imported). */
/** Index of the tick in the instance's shared Int32Array, after StressState's. */
export declare const SharedTick: 4;
export declare const SHARED_STATE_SIZE: number;
export interface SharedStressData extends WorkerBaseData {
    mode: StressMode;
    stack: 'sync' | 'async';
    lookupPort?: MessagePort;
    names: {
        slow: string;
        stalled: string;
    };
    httpPort: number;
    state: SharedArrayBuffer;
}
export interface StressWorkerData {
    mode: StressMode;
    /** The network stack of the request lanes (request and pause modes). */
    stack: 'sync' | 'async';
    /** Where the worker posts its lookups (the child serves them with serveLookups). */
    lookupPort: MessagePort;
    /**
     * The design before issue 11, for showing that this harness provokes the abort: the worker resolves
     * through the DNS server itself (a UDP socket in the worker). No test relies on it aborting.
     */
    dnsInWorker?: {
        host: string;
        port: number;
    } | undefined;
    /** Host names: answered after a jittered delay, and stalled for good. */
    names: {
        slow: string;
        stalled: string;
    };
    /** The HTTP server's port, reached by the slow name. */
    httpPort: number;
    state: SharedArrayBuffer;
    freeze: SharedArrayBuffer;
}
