import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
/** The loop-delay monitor's timer period in a worker, ms (a coarser one than the main thread's: there are many workers). */
const DELAY_RESOLUTION_MS = 20;
/**
 * A delay figure of a monitorEventLoopDelay histogram (ns), as lateness in ms: the monitor records the time
 * between two ticks of its timer, so an idle loop reads as the timer's period; the period is taken off.
 */
export function loopDelayMs(h, ns, resolutionMs) {
    return h.count > 0 ? Math.max(0, ns / 1e6 - resolutionMs) : 0;
}
/**
 * Samples a worker's memory and event-loop delay. Node runs full collections when the heap or the
 * external memory grows, so an instance that keeps growing keeps producing fresh after-GC samples; a
 * worker cannot force a collection (`--expose-gc` is a per-process flag), so it watches for them.
 */
export class WorkerHealth {
    #liveMemory = Number.NaN;
    #fullGcs = 0;
    #observer;
    #delay;
    #samplePeriodMs;
    #lastSampleAt = performance.now();
    #frozenMs = 0;
    /** `samplePeriodMs`: how often `sample` is called (the heartbeat's timer period), wall ms. */
    constructor(samplePeriodMs) {
        this.#samplePeriodMs = samplePeriodMs;
        this.#observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
                if (entry.detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR)
                    continue;
                const h = getHeapStatistics();
                this.#liveMemory = h.used_heap_size + h.external_memory;
                this.#fullGcs += 1;
            }
        });
        this.#observer.observe({ entryTypes: ['gc'] });
        this.#delay = monitorEventLoopDelay({ resolution: DELAY_RESOLUTION_MS });
        this.#delay.enable();
    }
    /**
     * Takes a sample; the loop delay starts again from here. The histogram's `reset` also forgets when its
     * timer last ticked, so the tick in progress records nothing: a stall that spans the sample (one that
     * held back this very call, as a long synchronous callback holds back every timer due during it) would
     * be lost. Such a stall makes this call late, so the sampler's own lateness is taken as well.
     */
    sample() {
        const h = getHeapStatistics();
        const now = performance.now();
        // A freeze since the last sample is the pause fault's, not lag: it is taken off the sampler's lateness,
        // and the histogram, which cannot tell it from lag, is not read this time.
        const lateMs = Math.max(0, now - this.#lastSampleAt - this.#samplePeriodMs - this.#frozenMs);
        const histogramMs = this.#frozenMs > 0 ? 0 : loopDelayMs(this.#delay, this.#delay.max, DELAY_RESOLUTION_MS);
        this.#lastSampleAt = now;
        this.#frozenMs = 0;
        const loopDelayMaxMs = Math.max(lateMs, histogramMs);
        this.#delay.reset();
        return { memoryUsed: h.used_heap_size + h.external_memory, liveMemory: this.#liveMemory, fullGcs: this.#fullGcs, loopDelayMaxMs };
    }
    /** The thread was frozen for `wallMs` by a `pause` fault (Atomics.wait): stopped by the fault, not lagging. */
    frozeFor(wallMs) {
        this.#frozenMs += wallMs;
    }
    stop() {
        this.#observer.disconnect();
        this.#delay.disable();
    }
}
//# sourceMappingURL=worker-health.js.map