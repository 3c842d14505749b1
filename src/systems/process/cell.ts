import { removeTempFolder } from '../../core/temp-folders.js';
import { LEDGER_WINDOW } from '../../delivery/ledger.js';
import { SinkWriterCell } from '../sink-writer-cell.js';
import type { CellContext, LiveInstance, Loss } from '../system-kind.js';
import { forgetProgram, reapOrphans, signalGroup } from '../isolation/owned-programs.js';
import type { Verdict } from '../watch.js';
import type { ProcessHeartbeat, ProcessStopped, ShutdownOutcome } from './messages.js';
import type { ProcessConfig } from './schema.js';
import { ProcessWatch } from './watch.js';

/** What `spawn` adds to a worker's start data. */
export interface ProcessSpawnData {
  system: ProcessConfig;
  slot: number;
  address: string;
}

/**
 * The address of a slot's route (and input) with `loopback: true`: 127.a.b.c, different for every cell and
 * slot of a run (cells run side by side), every byte in 1..254. Otherwise 127.0.0.1.
 */
export function loopbackAddress(config: ProcessConfig, cell: number, slot: number): string {
  if (!config.loopback) return '127.0.0.1';
  const n = cell * 1000 + slot;
  return `127.${1 + Math.floor(n / (254 * 254))}.${1 + (Math.floor(n / 254) % 254)}.${1 + (n % 254)}`;
}

function* seqRange(from: number, to: number): Generator<number> {
  for (let s = from; s < to; s++) yield s;
}

/**
 * The process kind's part of one cell: the delivery accounting every sink writer shares, the watch of a
 * real program, and what makes sure none is left running (a failed instance's program group is killed
 * here, on the main thread, whatever became of its worker).
 */
export class ProcessCell extends SinkWriterCell<ProcessConfig, ProcessHeartbeat, ProcessStopped, ProcessWatch> {
  /** Instances that ignored SIGTERM for the grace period when stopped: a hang each, judged with the losses. */
  readonly #stuckShutdowns: Loss[] = [];
  /** The slot of each instance id, for its route's in-flight view. */
  readonly #slots = new Map<string, number>();
  readonly #counters = { inputRefusals: 0, inputBlockedMs: 0, recordsNotTaken: 0, maxRssBytes: 0, shutdownKills: 0, programsReaped: 0 };

  constructor(context: CellContext<ProcessConfig>) {
    super(context);
  }

  async open(): Promise<void> {
    // Programs a killed duress left behind (without setpriv, nothing else ends them) are ended before new ones start.
    this.#counters.programsReaped = reapOrphans().length;
  }

  channel(slot: number): string {
    return `instance-${slot}`;
  }

  override spawn(slot: number, id: string): ProcessSpawnData {
    this.#slots.set(id, slot);
    return { ...super.spawn(slot, id), slot, address: loopbackAddress(this.context.config, this.context.cell, slot) };
  }

  watchFor(startedAt: number): ProcessWatch {
    return new ProcessWatch(startedAt, this.context.hangWindow, this.context.memoryLimit);
  }

  /** The program's resident set is judged, not the memory of the worker that drives it. */
  workerMemoryLimit(): number {
    return 0;
  }

  override check(watch: ProcessWatch, id: string, last: ProcessHeartbeat | undefined, now: number, frozen: boolean): Verdict | undefined {
    const slot = this.#slots.get(id);
    const unansweredSince = slot === undefined ? undefined : this.context.routes?.awaitingAnswerSince(slot);
    return watch.check(now, last, this.ledger.lastDeliveryAt(id), frozen, this.ledger.counts(id), this.ledger.highestDelivered(id), unansweredSince);
  }

  override heartbeat(slot: number, id: string, hb: ProcessHeartbeat, current: boolean): void {
    super.heartbeat(slot, id, hb, current);
    if (Number.isFinite(hb.rss)) this.#counters.maxRssBytes = Math.max(this.#counters.maxRssBytes, hb.rss);
  }

  ended(slot: number, id: string, last: ProcessHeartbeat | undefined, final: ProcessStopped | undefined): void {
    this.#slots.delete(id);
    if (!final) {
      // Failed (or its worker did not answer the stop): its program is killed now, and its folder removed after.
      if (last?.pid) {
        if (!last.exited) signalGroup(last.pid, 'SIGKILL');
        forgetProgram(id, last.pid);
      }
      // A second later, once the killed program is gone (duress's exit removes it if that comes first).
      if (last?.dir && this.context.config.workDir === undefined) setTimeout(() => removeTempFolder(last.dir), 1000).unref();
      this.#counters.inputRefusals += last?.refusals ?? 0;
      this.#counters.inputBlockedMs += last?.blockedMs ?? 0;
      this.#counters.recordsNotTaken += last?.owed ?? 0;
      this.ledger.markFailed(id);
      return;
    }
    this.#counters.inputRefusals += final.refusals;
    this.#counters.inputBlockedMs += final.blockedMs;
    this.#counters.recordsNotTaken += final.notTaken.to - final.notTaken.from;
    this.ledger.generated(id, final.generated);
    // A program still delivering within the last hang window when it was stopped may still have held its
    // undelivered tail, the records it took after the newest it delivered (undrained); one that had delivered
    // nothing for that long was not going to: that is loss. Records missing behind its newest delivery it had
    // gone on past (watch.ts): lost, whenever it last delivered.
    const last_ = this.ledger.lastDeliveryAt(id);
    if (Number.isFinite(last_) && this.context.clock.now() - last_ <= this.context.hangWindow) {
      const tailFrom = Math.max(0, final.generated - LEDGER_WINDOW, this.ledger.highestDelivered(id) + 1);
      this.ledger.declareUndrained(id, seqRange(tailFrom, final.generated));
    }
    if (final.shutdown && final.shutdown.exitedAfterMs === null) this.#stuckShutdown(slot, id, final.shutdown);
  }

  #stuckShutdown(slot: number, id: string, shutdown: ShutdownOutcome): void {
    this.#counters.shutdownKills += 1;
    this.#stuckShutdowns.push({
      slot,
      id,
      mode: 'hang',
      evidence: { reason: `shutdown: the program ignored SIGTERM for the grace period (${shutdown.graceMs} ms) and was killed (SIGKILL)`, graceMs: shutdown.graceMs, stderr: shutdown.stderr },
    });
  }

  /**
   * The drain is over when every program took all its records and every record taken was delivered (or
   * declared): a real program cannot say what it still holds, its deliveries can.
   */
  drained(live: readonly LiveInstance<ProcessHeartbeat>[]): boolean {
    return live.every(({ id, last }) => {
      if (!last || !last.inputEnded || last.owed > 0) return false;
      const c = this.ledger.counts(id);
      return c.delivered + c.dropped >= Math.max(last.generated, c.generated);
    });
  }

  override losses(drained: boolean): Loss[] {
    return [...super.losses(drained), ...this.#stuckShutdowns];
  }

  totals(): { requests: Record<string, number>; system: Record<string, number> } {
    return { requests: {}, system: { ...this.#counters } };
  }

  protected requestCounts(): Record<string, number> {
    return {};
  }
}
