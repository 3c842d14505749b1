import type { FailureMode } from '../journal/events.js';
import type { WorkerHealthSample } from './isolation/worker-health.js';
/** A failure the watchdog declares, before the runner adds time, instance and active faults. */
export interface Verdict {
    mode: FailureMode;
    evidence: Record<string, unknown>;
}
/** Full collections in a row that must leave live memory over the limit before it is a memory failure. */
export declare const MEMORY_OVER_LIMIT_GCS = 2;
/**
 * The watchdog's judge of one instance; a system kind's watch extends it (CellSystem.watchFor) and adds
 * its own hang rule, reading the figures its heartbeats carry. The engine calls `heartbeat` on every
 * heartbeat, `thaw` when a pause fault lets the instance go, and the kind's `check` every 50 ms of wall time.
 *
 * What every watch shares: the instance's start, the hang window, the memory limit, and when it last sent
 * a heartbeat. Times in scenario ms (the cell's clock); `memoryLimit` in bytes, 0 for none.
 *
 * Memory is judged as a container's memory limit (cgroup `memory.max`) judges a process: the kernel's
 * OOM killer acts only once reclaim cannot bring usage back under the limit, not when garbage has piled
 * up. An in-process instance is a worker thread, with no resident set of its own; the honest analogue is
 * its live memory: V8 heap in use right after a full collection, plus external memory (Buffers and
 * ArrayBuffers, which hold the records and messages). An instance fails on memory when MEMORY_OVER_LIMIT_GCS
 * full collections in a row leave it over the limit: a sustained excess the collector could not reclaim.
 * A sample with uncollected garbage in it (`memoryUsed`) is reported, never judged.
 */
export declare abstract class Watch {
    #private;
    protected readonly startAt: number;
    protected readonly hangWindow: number;
    protected readonly memoryLimit: number;
    constructor(startAt: number, hangWindow: number, memoryLimit: number);
    heartbeat(now: number): void;
    /**
     * A `pause` fault let the instance go at `now`: it gets a fresh hang window, as if it had just started.
     * Its last heartbeat and progress date from before the freeze, and silence while frozen is not a hang.
     */
    thaw(now: number): void;
    /**
     * Over the memory limit for MEMORY_OVER_LIMIT_GCS full collections in a row (see the class comment):
     * the evidence of a memory failure, or undefined. Each full collection counts once, however many
     * heartbeats carry its sample.
     */
    protected overMemory(hb: WorkerHealthSample): Record<string, unknown> | undefined;
    /**
     * The time of the last event of a kind (a delivery, an output request's end), or the start (or the
     * last thaw) when there was none since.
     */
    protected sinceStart(at: number): number;
    /** A hang of the whole thread: no heartbeat for the hang window. */
    protected unresponsive(now: number, lastDeliveryAt: number): Verdict | undefined;
}
export declare function mb(bytes: number): string;
export declare function finiteOrNull(x: number): number | null;
