import type { Scenario } from '../scenario/types.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
import type { CellInfo } from '../journal/events.js';
/**
 * One cell of a run, whatever the system under test: what runScenario (run.ts) drives. A runner owns its
 * instances (isolated in worker threads, renewed after each failure), its watchdog and its faults, and
 * writes everything it measures to the journal as it happens.
 *
 * The life of a cell, as run.ts drives it:
 *   start() → interval() every `report.interval` → stopInput() at `duration` → drained() polled during
 *   the drain → stop(drained). `at`, `exposure`, `failureCount` and `deliveryCounts` may be read at any
 *   time for progress.
 */
export interface CellRun {
    readonly info: CellInfo;
    /** The cell's scenario (matrix overrides applied). */
    readonly scenario: Scenario;
    /** Starts the instances and the fault timeline; the cell's time starts once they run. */
    start(): Promise<void>;
    /** Ends the load: every instance stops its input (faults stay as they are). */
    stopInput(): void;
    /** True when every instance holds nothing it still has to deliver. */
    drained(): boolean;
    /** Writes one metrics interval to the journal (cumulative counts, this interval's histograms). */
    interval(): void;
    /**
     * Lifts every fault, stops every instance, judges loss and writes the cell's last interval and its
     * `cell-end`. `drained` says whether the drain finished.
     */
    stop(drained: boolean): Promise<void>;
    /** Scenario ms since the cell started. */
    at(): number;
    /** Running time of all instances so far, scenario ms. */
    exposure(): number;
    /** Failures declared so far. */
    readonly failureCount: number;
    /** Delivery counts so far, for progress (final only after stop). */
    deliveryCounts(): DeliveryCounts;
}
