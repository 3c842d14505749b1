import type { MessagePort } from 'node:worker_threads';
import type { BaseHeartbeat, BaseStopped, InstanceBody, WorkerBaseData, WorkerContext } from './protocol-types.js';
/**
 * One worker thread hosting several instances of a kind (Isolation.instancesPerWorker), each speaking the
 * same conversation as an instance in a worker of its own (worker-protocol.ts), on a port of its own.
 * A worker costs tens of ms of CPU to boot and megabytes of memory (an isolate, Node's bootstrap, the
 * kind's modules); instances that share one cost a little heap each, and a `kill` costs no boot at all.
 *
 * What stays faithful: `kill` ends one instance at once and `pause` holds one instance (instance-scope.ts
 * says how, and what a scope cannot hold); an uncaught error (or unhandled rejection) is charged to the
 * instance whose code raised it (its scope, by AsyncLocalStorage), which dies alone as a crash.
 *
 * What is lost against a worker per instance:
 * - one heap: memory is measured per worker, and each instance's heartbeat carries its share of it (the
 *   worker's figure divided by the instances it hosts); the heap cap is the worker's, so a runaway
 *   instance ends its siblings too (each then fails, `memory`);
 * - one event loop: a busy instance delays its siblings. That delay is the worker's event-loop delay,
 *   which every sibling's heartbeat reports (worker-health.ts) and the engine counts as harness lag
 *   (src/engine/harness-lag.ts), so figures it could have distorted are flagged, as any lag is;
 * - an error raised outside any instance's code, or an instance stuck in a synchronous loop, ends the
 *   whole worker (the engine terminates it when a kill is not answered): every instance in it fails.
 */
export declare function hostInstances<D extends WorkerBaseData, H extends BaseHeartbeat, S extends BaseStopped>(make: (data: D, context: WorkerContext) => InstanceBody<H, S>, shared: {
    heartbeatWallMs: number;
}, hostPort: MessagePort): void;
