import { WorkerHost } from './worker-host.js';
/**
 * A cell's shared workers: slots are grouped `perWorker` at a time (slots 0–7, 8–15 … for 8), and each
 * group's instances, renewals included, run in the group's worker. A group never holds more than
 * `perWorker` instances at once, because a slot's next instance starts only once its last one ended. A
 * worker that ended (terminated, out of memory) is replaced by a fresh one for the group's next instance.
 */
export declare class WorkerPool {
    #private;
    readonly perWorker: number;
    constructor(perWorker: number, options: {
        worker: URL;
        heapLimitMb: number | undefined;
        heartbeatWallMs: number;
    });
    /** The worker that runs the slot's next instance. */
    hostFor(slot: number): WorkerHost;
    /** Ends every worker (after the cell stopped its instances: this only ends the threads). */
    close(): Promise<void>;
}
