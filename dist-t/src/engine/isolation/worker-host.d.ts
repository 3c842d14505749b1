import { EventEmitter } from 'node:events';
import { type MessagePort, type Transferable } from 'node:worker_threads';
import type { WorkerBaseData } from '../../systems/isolation/worker-protocol.js';
/** How the worker of a host ended: its error (heap limit included) or its exit. */
export type HostEnd = {
    kind: 'error';
    error: Error;
    outOfMemory: boolean;
} | {
    kind: 'exit';
    code: number;
};
/**
 * The main thread's handle on one worker thread that hosts several instances of a kind
 * (src/systems/isolation/shared-worker.ts). Each instance it hosts is an IsolatedInstance talking on a
 * port of its own; the host only starts the worker, hands it instances and says when it ended (which
 * ends every instance it held).
 */
export declare class WorkerHost extends EventEmitter<{
    ended: [HostEnd];
}> {
    #private;
    constructor(options: {
        worker: URL;
        heapLimitMb: number | undefined;
        heartbeatWallMs: number;
    });
    /** Set once the worker ended: every instance it hosted ended with it. */
    get ended(): HostEnd | undefined;
    /** Hands the worker one instance; returns the engine's end of the instance's port. */
    host(data: WorkerBaseData, transfer: Transferable[]): MessagePort;
    /** Ends the worker and every instance in it (an instance stuck in a loop holds the whole thread). */
    terminate(): Promise<void>;
}
