import { describeFault } from '../faults/fault-describe.js';
import type { FaultOccurrence } from '../faults/timeline.js';
import type { LongTimer, ScaledClock } from '../core/clock.js';
import { applyFault, type FaultTargets } from './fault-applier.js';
import type { JournalEvent } from '../journal/events.js';

export interface FaultScheduleOptions {
  clock: ScaledClock;
  /** The cell's index, for journal events. */
  cell: number;
  /** Scenario ms since the cell's start. */
  at(): number;
  journal(e: JournalEvent): void;
  targets: FaultTargets;
  /** A fault occurrence became active on an instance slot (with its description), or was lifted (undefined). */
  mark(slot: number, id: string, description: string | undefined): void;
}

/**
 * Plays a cell's fault timeline: starts each occurrence at its time on its instance slots, lifts it at
 * its end, and journals both. A fault that cannot be applied or lifted is journalled as an error and the
 * run goes on. `stop` cancels what has not started and lifts everything still active.
 */
export class FaultSchedule {
  readonly #o: FaultScheduleOptions;
  readonly #timers = new Set<LongTimer>();
  readonly #undo = new Map<string, () => Promise<void>>();
  #stopped = false;

  constructor(options: FaultScheduleOptions) {
    this.#o = options;
  }

  schedule(timeline: readonly FaultOccurrence[]): void {
    for (const occ of timeline) this.#after(occ.start, () => void this.#start(occ));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const t of this.#timers) t.clear();
    this.#timers.clear();
    await Promise.allSettled([...this.#undo.values()].map((u) => u()));
    this.#undo.clear();
  }

  async #start(occ: FaultOccurrence): Promise<void> {
    if (this.#stopped) return;
    const o = this.#o;
    const description = describeFault(occ.spec);
    for (const i of occ.instances) o.mark(i, occ.id, description);
    o.journal({ t: 'fault-start', cell: o.cell, id: occ.id, kind: occ.kind, slots: occ.instances, at: o.at(), description });
    let undo: () => Promise<void>;
    try {
      undo = await applyFault(occ, o.targets);
    } catch (err) {
      for (const i of occ.instances) o.mark(i, occ.id, undefined);
      o.journal({ t: 'fault-error', cell: o.cell, id: occ.id, at: o.at(), error: `could not apply: ${errorText(err)}` });
      return;
    }
    const lifted = async (): Promise<void> => {
      if (!this.#undo.delete(occ.id)) return;
      for (const i of occ.instances) o.mark(i, occ.id, undefined);
      let error: string | undefined;
      try {
        await undo();
      } catch (err) {
        error = `could not lift: ${errorText(err)}`;
      }
      o.journal({ t: 'fault-end', cell: o.cell, id: occ.id, at: o.at(), ...(error ? { error } : {}) });
    };
    this.#undo.set(occ.id, lifted);
    if (occ.end > occ.start) this.#after(occ.end, () => void lifted());
    else await lifted();
  }

  /** Runs `fn` at scenario time `at` since the cell's start. */
  #after(at: number, fn: () => void): void {
    const t = this.#o.clock.setTimeout(() => {
      this.#timers.delete(t);
      fn();
    }, Math.max(0, at - this.#o.at()));
    this.#timers.add(t);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
