import type { BaseHeartbeat, BaseStopped, InstanceBody, WorkerBaseData, WorkerContext } from './protocol-types.js';
export type { BaseHeartbeat, BaseStopped, FromWorker, InstanceBody, Outgoing, SharedWorkerData, SinkAccess, SpawnMessage, ToWorker, WorkerBaseData, WorkerContext, } from './protocol-types.js';
/**
 * The conversation between the engine (main thread, src/engine/isolation/isolated-instance.ts) and an
 * isolated instance's worker thread, whatever the system. A kind's worker module (its `worker` URL) calls
 * `serveInstance` once with a function that builds its instance; everything else here (heartbeats on a
 * timer, the `pause` fault's freeze, stopping, the routes conversation) is the same for every kind.
 * A worker either runs one instance (here) or hosts several (shared-worker.ts, when the engine started
 * it with SharedWorkerData): the kind's module is the same.
 *
 *   engine → worker: `stopInput`, `stop`, `freeze` (the pause fault), `busy` (tests), `routes` (answer to
 *                    `listening`), `kill` (shared worker only)
 *   worker → engine: `ready`, `heartbeat` (every `heartbeatWallMs`), `stopped` (answer to `stop`),
 *                    `listening`, `died` (shared worker only)
 */
/**
 * Runs one isolated instance in this worker thread: builds it (`make`), starts it, heartbeats, and
 * answers the engine. Nothing here catches the instance's own failures: an uncaught error ends the
 * worker (the engine records a crash), the heap limit ends it (memory).
 */
export declare function serveInstance<D extends WorkerBaseData, H extends BaseHeartbeat, S extends BaseStopped>(make: (data: D, context: WorkerContext) => InstanceBody<H, S>): Promise<void>;
