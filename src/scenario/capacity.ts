import { availableParallelism } from 'node:os';
import { formatRate } from '../core/units.js';
import { systemKinds } from '../systems/registry.js';
import type { Scenario } from './types.js';

/**
 * Whether a run plainly asks more of this machine than it can give. Nothing here refuses a run (a
 * bigger machine runs the same scenario): it warns, because a run that falls behind still reports, and
 * its figures (latency, hangs, hours) would then describe duress's starved threads, not the system.
 *
 * The rule, measured on a 2-core machine (see the README, "How much a machine can run"): instances run in
 * worker threads, and the cells run side by side, so what counts is the sum over the cells run.
 *   - threads: at most INSTANCES_PER_CORE worker threads per core (os.availableParallelism()), a worker
 *     hosting `instancesPerWorker` instances;
 *   - load: at most RECORDS_PER_CORE_PER_WALL_SECOND records per core per wall second, where a cell's
 *     records per wall second are instances × the records one instance moves per second (its kind's
 *     `recordsPerSecond`: a broker delivers each message to every subscriber) × clock.speed.
 */
export const INSTANCES_PER_CORE = 8;
export const RECORDS_PER_CORE_PER_WALL_SECOND = 20_000;

/** Instances one worker thread of the cell hosts: the scenario's choice, else its kind's default, else 1. */
export function instancesPerWorker(s: Scenario): number {
  return Math.max(1, Math.min(s.instances, s.isolation?.instancesPerWorker ?? systemKinds.get(s.system.kind).isolation.instancesPerWorker ?? 1));
}

/** Records per wall second one cell asks for. */
export function recordsPerWallSecond(s: Scenario): number {
  return s.instances * systemKinds.get(s.system.kind).recordsPerSecond(s.system) * s.clock.speed;
}

/**
 * The warnings for running these cells side by side on a machine with `cores` cores (by default this
 * one's), each one line, or none.
 */
export function capacityWarnings(cells: readonly Scenario[], cores: number = availableParallelism()): string[] {
  const warnings: string[] = [];
  // Worker threads: instances that share a worker (isolation.instancesPerWorker) count as one thread.
  const threads = cells.reduce((n, c) => n + Math.ceil(c.instances / instancesPerWorker(c)), 0);
  const threadCapacity = INSTANCES_PER_CORE * cores;
  const cellWord = cells.length === 1 ? '1 cell' : `${cells.length} cells`;
  if (threads > threadCapacity) {
    warnings.push(
      `${threads} worker threads (${cellWord}, side by side) on ${cores} core${cores === 1 ? '' : 's'}: this machine keeps up with about ` +
        `${threadCapacity} (${INSTANCES_PER_CORE} per core); beyond that timers fire late and figures describe duress falling behind, not the system`,
    );
  }
  const load = cells.reduce((n, c) => n + recordsPerWallSecond(c), 0);
  const loadCapacity = RECORDS_PER_CORE_PER_WALL_SECOND * cores;
  if (load > loadCapacity) {
    warnings.push(
      `${formatRate(Math.round(load))} of wall time asked for (instances × rate × clock.speed, ${cellWord}) on ${cores} core${cores === 1 ? '' : 's'}: ` +
        `this machine keeps up with about ${formatRate(loadCapacity)} (${formatRate(RECORDS_PER_CORE_PER_WALL_SECOND)} per core); lower clock.speed, the rate or the instances`,
    );
  }
  return warnings;
}
