import { constants, monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { isolateCollector, type IsolateCollector } from './collector.js';

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
   * judged on (../watch.ts). The collection is V8's own or one the sampler forced (WorkerHealth).
   */
  liveMemory: number;
  /** Full collections since the worker started, forced ones included: tells a fresh after-GC sample from a repeated one. */
  fullGcs: number;
  /** The worst delay of this worker's event loop since the last heartbeat, wall ms; a `pause` fault's freeze left out. */
  loopDelayMaxMs: number;
}

/** The loop-delay monitor's timer period in a worker, ms (a coarser one than the main thread's: there are many workers). */
const DELAY_RESOLUTION_MS = 20;

/**
 * A delay figure of a monitorEventLoopDelay histogram (ns), as lateness in ms: the monitor records the time
 * between two ticks of its timer, so an idle loop reads as the timer's period; the period is taken off.
 */
export function loopDelayMs(h: IntervalHistogram, ns: number, resolutionMs: number): number {
  return h.count > 0 ? Math.max(0, ns / 1e6 - resolutionMs) : 0;
}

/**
 * The least wall time between two reclaims the sampler forces (or V8's own full collection and one): what
 * bounds both the CPU an instance near its limit spends on them and how late a retained excess is declared
 * (../watch.ts: two full collections in a row over the limit, so about twice this plus two heartbeats).
 */
export const RECLAIM_INTERVAL_WALL_MS = 250;

/**
 * Samples a worker's memory and event-loop delay.
 *
 * Memory is judged on live memory (WorkerHealthSample.liveMemory), which only a full collection tells.
 * V8 runs one when its heap or its external memory has grown by its own margins: since the broker's fan-out
 * makes few heap objects, that came only every ~64 MB of new message buffers, and a broker retaining
 * 16 MB/s over a 64 MB limit was still not judged after 5 s with 82 MB held. So the sampler reclaims as a
 * container's limit does (the kernel reclaims once usage reaches `memory.max`, and kills only if reclaim
 * cannot bring it back): when memory in use (garbage included) is over `reclaimAbove()` at a heartbeat,
 * and no reclaim (nor V8's own full collection) ran in the last RECLAIM_INTERVAL_WALL_MS, it collects:
 *   1. the young generation (about 1 ms): most garbage (a broker's read and write buffers) dies young;
 *      if that brings memory in use under the limit, live memory is under it too, and that is all;
 *   2. otherwise the whole heap (a few ms on a broker's heap), and what survived is the sample's live memory.
 * Garbage alone thus never reads as live, and a retained excess is judged within a bounded time. An
 * instance under its limit never pays for it; one whose garbage keeps crossing it pays at most one
 * reclaim per interval. Without a collector (V8 refused it) the sampler waits for V8's own collections.
 */
export class WorkerHealth {
  #liveMemory = Number.NaN;
  #fullGcs = 0;
  readonly #observer: PerformanceObserver;
  readonly #delay: IntervalHistogram;
  readonly #samplePeriodMs: number;
  readonly #reclaimAbove: () => number;
  readonly #collector: IsolateCollector | undefined;
  #lastSampleAt = performance.now();
  #frozenMs = 0;
  /** When the latest reclaim, or V8's own full collection, ended, performance.now() ms. */
  #lastReclaimAt = Number.NEGATIVE_INFINITY;
  /** The last forced collection, performance.now() ms: the observer's entry for it is already counted. */
  #forced = { from: Number.NaN, to: Number.NaN };
  /** Wall ms of reclaims since the last sample: duress's stall, not the instance's loop delay. */
  #reclaimMs = 0;

  /**
   * `samplePeriodMs`: how often `sample` is called (the heartbeat's timer period), wall ms.
   * `reclaimAbove`: memory in use (bytes, this thread's whole) over which a sample reclaims (the class
   * comment); 0 never (no limit is judged on this worker's memory). Asked at every sample.
   */
  constructor(samplePeriodMs: number, reclaimAbove: () => number = () => 0) {
    this.#samplePeriodMs = samplePeriodMs;
    this.#reclaimAbove = reclaimAbove;
    this.#collector = isolateCollector();
    this.#observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if ((entry as { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
        if (entry.startTime >= this.#forced.from && entry.startTime <= this.#forced.to) continue;
        // Finalises the collection's sweep of ArrayBuffers, so external memory no longer counts what it freed (collector.ts).
        this.#collector?.settle();
        this.#lastReclaimAt = Math.max(this.#lastReclaimAt, entry.startTime + entry.duration);
        this.#liveMemory = memoryNow();
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
   * Then, if memory in use is over `reclaimAbove()`, it may reclaim (the class comment).
   */
  sample(): WorkerHealthSample {
    const now = performance.now();
    // A freeze since the last sample is the pause fault's, not lag: it is taken off the sampler's lateness,
    // and the histogram, which cannot tell it from lag, is not read this time. A forced collection in the
    // last sample held the thread after it was read: its time is taken off what the histogram saw since.
    const lateMs = Math.max(0, now - this.#lastSampleAt - this.#samplePeriodMs - this.#frozenMs);
    const histogramMs = this.#frozenMs > 0 ? 0 : Math.max(0, loopDelayMs(this.#delay, this.#delay.max, DELAY_RESOLUTION_MS) - this.#reclaimMs);
    this.#frozenMs = 0;
    this.#reclaimMs = 0;
    const loopDelayMaxMs = Math.max(lateMs, histogramMs);
    this.#delay.reset();
    const memoryUsed = memoryNow();
    const limit = this.#reclaimAbove();
    if (this.#collector && limit > 0 && memoryUsed > limit && now - this.#lastReclaimAt >= RECLAIM_INTERVAL_WALL_MS) this.#reclaim(this.#collector, limit);
    this.#lastSampleAt = performance.now();
    return { memoryUsed, liveMemory: this.#liveMemory, fullGcs: this.#fullGcs, loopDelayMaxMs };
  }

  #reclaim(collector: IsolateCollector, limit: number): void {
    const from = performance.now();
    collector.young();
    if (memoryNow() > limit) {
      const fullFrom = performance.now();
      collector.full();
      this.#forced = { from: fullFrom, to: performance.now() };
      this.#liveMemory = memoryNow();
      this.#fullGcs += 1;
    }
    const to = performance.now();
    this.#reclaimMs += to - from;
    this.#lastReclaimAt = to;
  }

  /** The thread was frozen for `wallMs` by a `pause` fault (Atomics.wait): stopped by the fault, not lagging. */
  frozeFor(wallMs: number): void {
    this.#frozenMs += wallMs;
  }

  stop(): void {
    this.#observer.disconnect();
    this.#delay.disable();
  }
}

/** V8 heap in use plus external memory (Buffers, ArrayBuffers), bytes: what the limit counts. */
function memoryNow(): number {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
}
