import type { FailureMode } from '../journal/events.js';
import type { WorkerHealthSample } from './isolation/worker-health.js';

/** A failure the watchdog declares, before the runner adds time, instance and active faults. */
export interface Verdict {
  mode: FailureMode;
  evidence: Record<string, unknown>;
}

/** Full collections in a row that must leave live memory over the limit before it is a memory failure. */
export const MEMORY_OVER_LIMIT_GCS = 2;

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
 * its live memory:
 *   - what "memory" is: V8 heap in use right after a full collection, plus external memory (Buffers and
 *     ArrayBuffers, which hold the records and messages) once that collection's sweep is finalised: what
 *     the instance retains, never garbage the collector could free (`memoryUsed`, read between
 *     collections, is reported, never judged);
 *   - when it is judged: at each full collection, counted once however many heartbeats carry its figure.
 *     V8 runs them on its own margins, which can be ~64 MB of buffers apart; so the worker reclaims as the
 *     kernel does: when its memory in use (garbage included) is over the limit at a heartbeat, it collects
 *     its young generation and, if that does not bring it under, forces a full collection, at most one
 *     reclaim per RECLAIM_INTERVAL_WALL_MS (./isolation/worker-health.ts);
 *   - the verdict: MEMORY_OVER_LIMIT_GCS full collections in a row leaving it over the limit, a sustained
 *     excess the collector could not reclaim. A retained excess is thus declared within about two reclaim
 *     intervals and two heartbeats of wall time (0.6 s on an idle machine), however little garbage it
 *     makes; an instance whose garbage crosses the limit but whose live memory does not is never declared.
 * The worker learns the limit from its start data (CellSystem.workerMemoryLimit).
 */
export abstract class Watch {
  protected readonly startAt: number;
  protected readonly hangWindow: number;
  protected readonly memoryLimit: number;
  #lastHeartbeatAt: number;
  /** The baseline of progress: the instance's start, or the end of the last pause that held it. */
  #since: number;
  #lastFullGcs = 0;
  #overLimitGcs = 0;

  constructor(startAt: number, hangWindow: number, memoryLimit: number) {
    this.startAt = startAt;
    this.#since = startAt;
    this.hangWindow = hangWindow;
    this.memoryLimit = memoryLimit;
    this.#lastHeartbeatAt = startAt;
  }

  heartbeat(now: number): void {
    this.#lastHeartbeatAt = now;
  }

  /**
   * A `pause` fault let the instance go at `now`: it gets a fresh hang window, as if it had just started.
   * Its last heartbeat and progress date from before the freeze, and silence while frozen is not a hang.
   */
  thaw(now: number): void {
    this.#lastHeartbeatAt = Math.max(this.#lastHeartbeatAt, now);
    this.#since = Math.max(this.#since, now);
  }

  /**
   * Over the memory limit for MEMORY_OVER_LIMIT_GCS full collections in a row (see the class comment):
   * the evidence of a memory failure, or undefined. Each full collection counts once, however many
   * heartbeats carry its sample.
   */
  protected overMemory(hb: WorkerHealthSample): Record<string, unknown> | undefined {
    if (this.memoryLimit <= 0 || hb.fullGcs === this.#lastFullGcs) return undefined;
    this.#lastFullGcs = hb.fullGcs;
    this.#overLimitGcs = hb.liveMemory > this.memoryLimit ? this.#overLimitGcs + 1 : 0;
    if (this.#overLimitGcs < MEMORY_OVER_LIMIT_GCS) return undefined;
    return {
      reason: `live memory ${mb(hb.liveMemory)} over the limit of ${mb(this.memoryLimit)} after ${this.#overLimitGcs} full collections in a row`,
      liveMemory: hb.liveMemory,
      limit: this.memoryLimit,
      overLimitGcs: this.#overLimitGcs,
      memoryUsed: hb.memoryUsed,
    };
  }

  /**
   * The time of the last event of a kind (a delivery, an output request's end), or the start (or the
   * last thaw) when there was none since.
   */
  protected sinceStart(at: number): number {
    return Number.isNaN(at) ? this.#since : Math.max(this.#since, at);
  }

  /** A hang of the whole thread: no heartbeat for the hang window. */
  protected unresponsive(now: number, lastDeliveryAt: number): Verdict | undefined {
    const silentFor = now - this.#lastHeartbeatAt;
    if (silentFor <= this.hangWindow) return undefined;
    return { mode: 'hang', evidence: { reason: 'unresponsive: no heartbeat from the instance', silentForMs: silentFor, lastDeliveryAt: finiteOrNull(lastDeliveryAt) } };
  }
}

export function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
