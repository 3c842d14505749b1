import type { Heartbeat } from './isolation/instance-messages.js';
import type { FailureMode } from './journal-events.js';

/** A failure the watchdog declares, before the runner adds time, instance and active faults. */
export interface Verdict {
  mode: FailureMode;
  evidence: Record<string, unknown>;
}

/**
 * What every watch shares: the instance's start, the hang window, the memory limit, and when it last sent
 * a heartbeat. Times in scenario ms (the cell's clock); `memoryLimit` in bytes, 0 for none.
 */
export abstract class Watch {
  protected readonly startAt: number;
  protected readonly hangWindow: number;
  protected readonly memoryLimit: number;
  #lastHeartbeatAt: number;
  /** The baseline of progress: the instance's start, or the end of the last pause that held it. */
  #since: number;

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

  protected overMemory(memoryUsed: number): boolean {
    return this.memoryLimit > 0 && memoryUsed > this.memoryLimit;
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
    if (hb && this.overMemory(hb.memoryUsed)) {
      return { mode: 'memory', evidence: { memoryUsed: hb.memoryUsed, limit: this.memoryLimit, heldBytes: hb.heldBytes } };
    }
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

export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
