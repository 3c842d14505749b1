import { ScaledClock } from '../core/clock.js';
import type { CellRun } from './cell-run.js';
import { FaultLayer } from './fault-layer.js';
import type { CellInfo, HarnessEvent, JournalEvent } from '../journal/events.js';
import type { RunResults } from '../results/results.js';
import type { CellDefinition } from '../scenario/matrix.js';
import type { Scenario } from '../scenario/types.js';
import { type Shard } from '../core/shard.js';
export interface RunOptions {
    /** The scenario file, for the record. */
    file: string;
    /** The folder the journal goes to (results and reports are written there by the caller). */
    dir: string;
    /** Stops the run early; what was measured is still returned. */
    signal?: AbortSignal;
    /** A real Toxiproxy server to drive faults through, instead of the embedded one. */
    toxiproxyUrl?: string | undefined;
    /** Called about once a wall second. */
    onProgress?: (p: RunProgress) => void;
    /** Called as duress's own trouble is journaled (a stalled event loop, a worker that could not boot): a warning during the run. */
    onHarness?: (e: HarnessEvent) => void;
    /** Run only this shard's share of every cell's instance slots (core/shard.ts); `duress merge` folds the shards together. */
    shard?: Shard | undefined;
}
/**
 * What identifies a scenario across machines: SHA-256 of the resolved base scenario and of each cell (its
 * name, matrix values and resolved scenario), so shards of one run agree and shards of another do not.
 */
export declare function scenarioHash(base: Scenario, cells: readonly CellDefinition[]): string;
export interface RunProgress {
    wallMs: number;
    /** `start`: the cell's instances are booting, its time has not started; `load`, `drain`, `done` as named. */
    cells: {
        name: string;
        phase: 'start' | 'load' | 'drain' | 'done';
        at: number;
        duration: number;
        instances: number;
        exposureHours: number;
        failures: number;
        generated: number;
        delivered: number;
        /**
         * End-to-end latency of the intervals the cell journaled since the previous progress (HDR histograms
         * encoded as in the journal, µs of scenario time): over every progress of a run together, the cell's
         * end-to-end histogram in its results. A last progress comes once every cell has stopped.
         */
        latencySinceLast: string[];
    }[];
}
/**
 * Runs a scenario's cells side by side: each its load for its duration, then a drain, then a stop; a
 * fault in a system under test never makes this throw. Everything measured goes to the journal as it
 * happens, and the results are folded from the journal. An abort (signal) ends the load early and the
 * results still cover what ran. A cell that cannot start stops the others and the run rejects with a
 * CellStartError carrying the results of what ran (exit 3).
 */
export declare function runScenario(base: Scenario, cells: CellDefinition[], options: RunOptions): Promise<RunResults>;
/** The runner of a cell, for the registered system kind its scenario names. */
export declare function createCellRun(info: CellInfo, scenario: Scenario, clock: ScaledClock, layer: FaultLayer, journal: (e: JournalEvent) => void): CellRun;
