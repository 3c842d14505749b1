import { BrokerCellRunner } from '../../src/engine/broker-cell-runner.js';
import type { CellRun as Cell } from '../../src/engine/cell-run.js';
import { ScaledClock } from '../../src/core/clock.js';
import { ForwarderCellRunner } from '../../src/engine/forwarder-cell-runner.js';
import { FaultLayer } from '../../src/engine/fault-layer.js';
import type { CellInfo, JournalEvent } from '../../src/journal/events.js';
import { buildResults } from '../../src/results/build-results.js';
import type { CellResults } from '../../src/results/results.js';
import type { Scenario } from '../../src/scenario/types.js';

export interface CellRun<C extends Cell = ForwarderCellRunner> {
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
export async function runCell(scenario: Scenario, arrange?: (cell: ForwarderCellRunner) => void): Promise<CellRun> {
  return runCellWith((...a) => new ForwarderCellRunner(...a), scenario, arrange, false);
}

/** The same for a broker scenario; the cell's time ticks `report.interval` as in a run. */
export async function runBrokerCell(scenario: Scenario, arrange?: (cell: BrokerCellRunner) => void): Promise<CellRun<BrokerCellRunner>> {
  return runCellWith((...a) => new BrokerCellRunner(...a), scenario, arrange, true);
}

/** Runs one cell made by `make` (a runner of the product's, or a subclass that changes one of its hooks). */
export async function runCellWith<C extends Cell>(make: MakeCell<C>, scenario: Scenario, arrange: ((cell: C) => void) | undefined, tick: boolean): Promise<CellRun<C>> {
  const clock = new ScaledClock(scenario.clock.speed);
  const layer = await FaultLayer.start({ clock, seed: scenario.seed });
  const journal: JournalEvent[] = [];
  const cell = make({ index: 0, name: 'default', values: {}, instances: scenario.instances, duration: scenario.duration }, scenario, clock, layer, (e) => journal.push(e));
  let drained = false;
  let intervals: NodeJS.Timeout | undefined;
  try {
    await cell.start();
    arrange?.(cell);
    if (tick) intervals = clock.setInterval(() => cell.interval(), scenario.report.interval);
    await clock.sleep(scenario.duration);
    cell.stopInput();
    const deadline = clock.now() + scenario.drain;
    while (!(drained = cell.drained()) && clock.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    clearInterval(intervals);
    await cell.stop(drained);
    await layer.stop();
  }
  return { cell, journal, drained };
}

/** A cell's results, folded from its journal as `duress run` and `duress report` fold them. */
export function cellResults(scenario: Scenario, journal: readonly JournalEvent[]): CellResults {
  const info: CellInfo = { index: 0, name: 'default', values: {}, instances: scenario.instances, duration: scenario.duration };
  const start: JournalEvent = { t: 'run-start', format: 'duress-journal/1', duressVersion: 'test', wall: '', file: 'test.yaml', scenario, speed: scenario.clock.speed, cells: [info] };
  return buildResults([start, ...journal]).cells[0]!;
}
