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
export declare const INSTANCES_PER_CORE = 8;
export declare const RECORDS_PER_CORE_PER_WALL_SECOND = 20000;
/** Instances one worker thread of the cell hosts: the scenario's choice, else its kind's default, else 1. */
export declare function instancesPerWorker(s: Scenario): number;
/** Records per wall second one cell asks for. */
export declare function recordsPerWallSecond(s: Scenario): number;
/**
 * The warnings for running these cells side by side on a machine with `cores` cores (by default this
 * one's), each one line, or none.
 */
export declare function capacityWarnings(cells: readonly Scenario[], cores?: number): string[];
