import { CellRunner } from '../../src/engine/cell-runner.js';
import { ScaledClock } from '../../src/core/clock.js';
import { FaultLayer } from '../../src/engine/fault-layer.js';
import { buildResults } from '../../src/results/build-results.js';
/** A forwarder cell as tests read it: the engine's runner, with its CloudWatch sink, ledger and counters typed. */
export class ForwarderTestCell extends CellRunner {
    get sink() {
        return super.sink;
    }
    get forwarder() {
        return this.system;
    }
    get ledger() {
        return this.forwarder.ledger;
    }
    /** Request outcomes and system counters over every instance that ran. */
    counters() {
        return this.forwarder.counters(this.live());
    }
}
/**
 * Runs one cell the way `duress run` does (instances in worker threads behind proxy routes, the mock
 * sink, the DNS fault server, the watchdog), through load and drain; `arrange` runs once the cell is
 * up, to add sink faults or watch it.
 */
export async function runCell(scenario, arrange) {
    return runCellWith((...a) => new ForwarderTestCell(...a), scenario, arrange, false);
}
/** The same for a broker scenario; the cell's time ticks `report.interval` as in a run. */
export async function runBrokerCell(scenario, arrange) {
    return runCellWith((...a) => new CellRunner(...a), scenario, arrange, true);
}
/** Runs one cell made by `make` (a runner of the product's, or a subclass that changes one of its hooks). */
export async function runCellWith(make, scenario, arrange, tick) {
    const clock = new ScaledClock(scenario.clock.speed);
    const layer = await FaultLayer.start({ clock, seed: scenario.seed });
    const journal = [];
    const cell = make({ index: 0, name: 'default', values: {}, instances: scenario.instances, duration: scenario.duration }, scenario, clock, layer, (e) => journal.push(e));
    let drained = false;
    let intervals;
    try {
        await cell.start();
        arrange?.(cell);
        if (tick)
            intervals = clock.setInterval(() => cell.interval(), scenario.report.interval);
        await clock.sleep(scenario.duration);
        cell.stopInput();
        const deadline = clock.now() + scenario.drain;
        while (!(drained = cell.drained()) && clock.now() < deadline)
            await new Promise((r) => setTimeout(r, 20));
    }
    finally {
        clearInterval(intervals);
        await cell.stop(drained);
        await layer.stop();
    }
    return { cell, journal, drained };
}
/** A cell's results, folded from its journal as `duress run` and `duress report` fold them. */
export function cellResults(scenario, journal) {
    const info = { index: 0, name: 'default', values: {}, instances: scenario.instances, duration: scenario.duration };
    const start = { t: 'run-start', format: 'duress-journal/1', duressVersion: 'test', wall: '', file: 'test.yaml', scenario, speed: scenario.clock.speed, cells: [info] };
    return buildResults([start, ...journal]).cells[0];
}
//# sourceMappingURL=cell.js.map