import { EventEmitter } from 'node:events';
import type { WorkerHost } from './worker-host.js';
import type { BaseHeartbeat, BaseStopped, SinkAccess, WorkerBaseData } from '../../systems/isolation/worker-protocol.js';
/** Why an isolated instance ended without being asked to. */
export type InstanceDeath = {
    kind: 'error';
    error: Error;
    outOfMemory: boolean;
} | {
    kind: 'exit';
    code: number;
};
export interface IsolatedInstanceEvents<H> {
    heartbeat: [H];
    /** The worker died on its own: an uncaught error, its heap limit, or an exit. */
    died: [InstanceDeath];
    /** The instance listens on this port (it waits for `routes` before connecting its clients through them). */
    listening: [number];
}
/** How to run one instance: its kind's worker module and limits. */
export interface IsolationOptions {
    /** The kind's worker module (SystemKind.isolation.worker). */
    worker: URL;
    /** The worker's V8 heap cap (MB); undefined: Node's default. */
    heapLimitMb: number | undefined;
    /** With `data.dns`: the deadline of one lookup (scenario ms), null for none. */
    lookupTimeout?: number | null;
    /**
     * A shared worker to run in (worker-host.ts) instead of a worker of its own: `heapLimitMb` is then the
     * host's, `kill` ends the instance inside the worker, and `freeze` holds the instance, not the thread.
     */
    host?: WorkerHost;
    /** How long the worker may take to answer `stop` before it is terminated (wall ms); default STOP_GRACE_WALL_MS. */
    stopGraceWallMs?: number;
}
/** The start data of a worker: the engine's fields, the sink's access for a kind that writes to one, the kind's own. */
export type InstanceData = WorkerBaseData & Partial<SinkAccess> & object;
/**
 * The main thread's handle on one instance running in its own worker thread (its kind's worker module,
 * which speaks worker-protocol.ts). The worker's V8 heap is capped
 * (`heapLimitMb`), so an instance that grows without bound dies alone; an uncaught error in the instance
 * ends only its worker; a hung instance blocks only its own thread. `kill` ends it abruptly and `freeze`
 * stops its thread for a while (the `kill` and `pause` instance faults). An instance's DNS lookups are
 * resolved here on the main thread (lookup-relay.ts), because terminating a worker that has a DNS
 * answer on its way aborts the whole process.
 */
export declare class IsolatedInstance<H extends BaseHeartbeat = BaseHeartbeat, S extends BaseStopped = BaseStopped> extends EventEmitter<IsolatedInstanceEvents<H>> {
    #private;
    readonly id: string;
    readonly data: InstanceData;
    last: H | undefined;
    constructor(data: InstanceData, options: IsolationOptions);
    /** Starts the worker (or joins its host); resolves when the instance runs, rejects if it dies first. */
    start(): Promise<void>;
    stopInput(): void;
    freeze(wallMs: number): void;
    /** Tests only: keeps the worker's thread busy in a synchronous loop for `wallMs` (real lag of its event loop). */
    busy(wallMs: number): void;
    /** Tells the worker the ports of its links' proxy routes, in link order (answers `listening`). */
    routes(ports: number[]): void;
    /**
     * Asks the instance to stop and report what it still holds; one that cannot answer in time (hung in a
     * busy loop, frozen) is killed, and then what it held is unknown (undefined).
     */
    stop(): Promise<S | undefined>;
    /**
     * Ends the instance at once, as `kill -9` would end a process: its own worker is terminated; in a
     * shared worker, the instance is ended there (its timers, sockets and lookups), and should the worker
     * not answer (an instance stuck in a loop holds the thread), the worker is terminated with all it holds.
     */
    kill(): Promise<void>;
}
