import type { Heartbeat } from './isolation/instance-messages.js';
import type { WorkerHealthSample } from './isolation/worker-health.js';
import type { FailureMode } from '../journal/events.js';

/** A failure the watchdog declares, before the runner adds time, instance and active faults. */
export interface Verdict {
  mode: FailureMode;
  evidence: Record<string, unknown>;
}

/** Full collections in a row that must leave live memory over the limit before it is a memory failure. */
export const MEMORY_OVER_LIMIT_GCS = 2;

/**
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

/**
 * Watches one instance and declares it failed when it is stuck (a hang) or too big (memory). Crashes
 * are not judged here: the instance's death is reported by its isolation.
 *
 * A hang (domain.md §5, firelens-datajet): input keeps arriving but nothing is delivered for the hang
 * window. Read strictly, a forwarder waiting out a long retry backoff during an outage would be "hung"
 * too, so the rule here asks for proof of being stuck: for the whole window, no record of this instance
 * was delivered AND either an output request is in flight and none has ended (stuck in a call: a read
 * with no timeout, a DNS lookup with no deadline), or the instance sent no heartbeat at all (its thread
 * is blocked) while no `pause` fault holds it.
 */
export class InstanceWatch extends Watch {
  /**
   * `lastDeliveryAt`: scenario epoch ms of this instance's last first-delivery (NaN if none).
   * `frozen`: a pause fault holds the instance now.
   */
  check(now: number, hb: Heartbeat | undefined, lastDeliveryAt: number, frozen: boolean): Verdict | undefined {
    const memory = hb && this.overMemory(hb);
    if (hb && memory) return { mode: 'memory', evidence: { ...memory, heldBytes: hb.heldBytes } };
    if (now - this.sinceStart(lastDeliveryAt) <= this.hangWindow || frozen) return undefined;
    const unresponsive = this.unresponsive(now, lastDeliveryAt);
    if (unresponsive) return unresponsive;
    if (!hb || hb.inFlight === 0) return undefined;
    const lastOutput = this.sinceStart(hb.lastOutputAt);
    if (now - lastOutput <= this.hangWindow) return undefined;
    return {
      mode: 'hang',
      evidence: {
        reason: 'stuck: an output request in flight and none ended for the hang window',
        inFlight: hb.inFlight,
        lastOutputAt: finiteOrNull(hb.lastOutputAt),
        lastDeliveryAt: finiteOrNull(lastDeliveryAt),
        stuckForMs: now - lastOutput,
        heldBytes: hb.heldBytes,
        inputScheduled: hb.due,
      },
    };
  }
}

export function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
