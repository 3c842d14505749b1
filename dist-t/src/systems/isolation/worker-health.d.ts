import { type IntervalHistogram } from 'node:perf_hooks';
/**
 * What every instance worker reports about itself with each heartbeat, beside its system's figures:
 * its memory, judged the way the watchdog judges it, and the delay of its own event loop (harness lag).
 */
export interface WorkerHealthSample {
    /** V8 heap in use plus external memory (Buffers, ArrayBuffers) now, garbage not yet collected included, bytes. */
    memoryUsed: number;
    /**
     * Live memory: V8 heap in use right after the latest full (mark-sweep-compact) collection, plus the
     * external memory then, bytes; NaN before the first full collection. This is what the memory limit is
     * judged on (../watch.ts).
     */
    liveMemory: number;
    /** Full collections since the worker started: tells a fresh after-GC sample from a repeated one. */
    fullGcs: number;
    /** The worst delay of this worker's event loop since the last heartbeat, wall ms; a `pause` fault's freeze left out. */
    loopDelayMaxMs: number;
}
/**
 * A delay figure of a monitorEventLoopDelay histogram (ns), as lateness in ms: the monitor records the time
 * between two ticks of its timer, so an idle loop reads as the timer's period; the period is taken off.
 */
export declare function loopDelayMs(h: IntervalHistogram, ns: number, resolutionMs: number): number;
/**
 * Samples a worker's memory and event-loop delay. Node runs full collections when the heap or the
 * external memory grows, so an instance that keeps growing keeps producing fresh after-GC samples; a
 * worker cannot force a collection (`--expose-gc` is a per-process flag), so it watches for them.
 */
export declare class WorkerHealth {
    #private;
    /** `samplePeriodMs`: how often `sample` is called (the heartbeat's timer period), wall ms. */
    constructor(samplePeriodMs: number);
    /**
     * Takes a sample; the loop delay starts again from here. The histogram's `reset` also forgets when its
     * timer last ticked, so the tick in progress records nothing: a stall that spans the sample (one that
     * held back this very call, as a long synchronous callback holds back every timer due during it) would
     * be lost. Such a stall makes this call late, so the sampler's own lateness is taken as well.
     */
    sample(): WorkerHealthSample;
    /** The thread was frozen for `wallMs` by a `pause` fault (Atomics.wait): stopped by the fault, not lagging. */
    frozeFor(wallMs: number): void;
    stop(): void;
}
