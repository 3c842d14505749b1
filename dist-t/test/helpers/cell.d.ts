import type { CellRun as Cell } from '../../src/engine/cell-run.js';
import { CellRunner } from '../../src/engine/cell-runner.js';
import { ScaledClock } from '../../src/core/clock.js';
import { FaultLayer } from '../../src/engine/fault-layer.js';
import type { CellInfo, JournalEvent } from '../../src/journal/events.js';
import type { CellResults } from '../../src/results/results.js';
import type { Scenario } from '../../src/scenario/types.js';
import type { CloudWatchSink } from '../../src/sinks/cloudwatch/server.js';
import type { ForwarderCell } from '../../src/systems/forwarder/cell.js';
/** A forwarder cell as tests read it: the engine's runner, with its CloudWatch sink, ledger and counters typed. */
export declare class ForwarderTestCell extends CellRunner {
    get sink(): CloudWatchSink;
    get forwarder(): ForwarderCell;
    get ledger(): ForwarderCell['ledger'];
    /** Request outcomes and system counters over every instance that ran. */
    counters(): ReturnType<ForwarderCell['counters']>;
}
export interface CellRun<C extends Cell = ForwarderTestCell> {
    cell: C;
    journal: JournalEvent[];
    drained: boolean;
}
export type MakeCell<C extends Cell> = (info: CellInfo, scenario: Scenario, clock: ScaledClock, layer: FaultLayer, journal: (e: JournalEvent) => void) => C;
/**
 * Runs one cell the way `duress run` does (instances in worker threads behind proxy routes, the mock
 * sink, the DNS fault server, the watchdog), through load and drain; `arrange` runs once the cell is
 * up, to add sink faults or watch it.
 */
export declare function runCell(scenario: Scenario, arrange?: (cell: ForwarderTestCell) => void): Promise<CellRun>;
/** The same for a broker scenario; the cell's time ticks `report.interval` as in a run. */
export declare function runBrokerCell(scenario: Scenario, arrange?: (cell: CellRunner) => void): Promise<CellRun<CellRunner>>;
/** Runs one cell made by `make` (a runner of the product's, or a subclass that changes one of its hooks). */
export declare function runCellWith<C extends Cell>(make: MakeCell<C>, scenario: Scenario, arrange: ((cell: C) => void) | undefined, tick: boolean): Promise<CellRun<C>>;
/** A cell's results, folded from its journal as `duress run` and `duress report` fold them. */
export declare function cellResults(scenario: Scenario, journal: readonly JournalEvent[]): CellResults;
