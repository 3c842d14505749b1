import type { IsolatedInstance } from './isolation/isolated-instance.js';
import type { Verdict, Watch } from '../systems/watch.js';

/**
 * One place an instance runs in a cell. Its instances come and go (a failed one is replaced by the next
 * generation); what stays is the slot: its index (which fault occurrences name), its routes, the faults
 * active on it.
 */
export interface Slot {
  index: number;
  generation: number;
  instance: IsolatedInstance | undefined;
  watch: Watch | undefined;
  /** Scenario epoch ms when the current instance started running. */
  startedAt: number;
  /** Scenario epoch ms until which a `pause` fault holds the slot's instance; 0 when none does. */
  frozenUntil: number;
  /** Faults active on this slot now, by occurrence id. */
  active: Map<string, string>;
  /** Faults lifted from this slot: description and when (scenario epoch ms), for a hang whose window they overlapped. */
  lifted: Map<string, { description: string; at: number }>;
  /** Set while the slot's instance is being replaced, so only one failure is recorded. */
  replacing: boolean;
  /** Boots that failed in a row (cell-runner.ts waits longer after each, and gives up before the cell's start). */
  bootFailures: number;
}

/** A fresh slot: generation 0, no instance yet. */
export function newSlot(index: number): Slot {
  return { index, generation: 0, instance: undefined, watch: undefined, startedAt: 0, frozenUntil: 0, active: new Map(), lifted: new Map(), replacing: false, bootFailures: 0 };
}

/** The faults active on the slot now, then those lifted at or after `since` (scenario epoch ms). */
export function faultsSince(slot: Slot, since: number): { id: string; description: string }[] {
  const faults = [...slot.active].map(([id, description]) => ({ id, description }));
  for (const [id, l] of slot.lifted) if (l.at >= since && !slot.active.has(id)) faults.push({ id, description: l.description });
  return faults;
}

/** Forgets lifted faults older than `before`, so the map stays small over a long run (insertion order is lift order). */
export function pruneLifted(lifted: Map<string, { at: number }>, before: number): void {
  for (const [id, l] of lifted) {
    if (l.at >= before) break;
    lifted.delete(id);
  }
}

/** How long a hang verdict says the instance was stuck or silent (scenario ms), at least the hang window. */
export function hangSpan(verdict: Verdict, hangWindow: number): number {
  const e = verdict.evidence;
  const span = typeof e.stuckForMs === 'number' ? e.stuckForMs : typeof e.silentForMs === 'number' ? e.silentForMs : 0;
  return Math.max(hangWindow, span);
}
