import { ScaledClock } from '../../src/engine/clock.js';
import { CellRunner } from '../../src/engine/cell-runner.js';
import { FaultLayer } from '../../src/engine/fault-layer.js';
import type { JournalEvent } from '../../src/engine/journal-events.js';
import type { Scenario } from '../../src/scenario/types.js';

export interface CellRun {
  cell: CellRunner;
  journal: JournalEvent[];
  drained: boolean;
}

/**
 * Runs one cell the way `duress run` does (instances in worker threads behind proxy routes, the mock
 * sink, the DNS fault server, the watchdog), through load and drain; `arrange` runs once the cell is
 * up, to add sink faults or watch it.
 */
export async function runCell(scenario: Scenario, arrange?: (cell: CellRunner) => void): Promise<CellRun> {
  const clock = new ScaledClock(scenario.clock.speed);
  const layer = await FaultLayer.start({ clock, seed: scenario.seed });
  const journal: JournalEvent[] = [];
  const cell = new CellRunner({ index: 0, name: 'default', values: {}, instances: scenario.instances, duration: scenario.duration }, scenario, clock, layer, (e) => journal.push(e));
  let drained = false;
  try {
    await cell.start();
    arrange?.(cell);
    await clock.sleep(scenario.duration);
    cell.stopInput();
    const deadline = clock.now() + scenario.drain;
    while (!(drained = cell.drained()) && clock.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await cell.stop(drained);
    await layer.stop();
  }
  return { cell, journal, drained };
}
