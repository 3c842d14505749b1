import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ScaledClock } from '../src/core/clock.js';
import { FaultLayer } from '../src/engine/fault-layer.js';
import { CellRunner } from '../src/engine/cell-runner.js';
import { loadScenarioDocument } from '../src/scenario/load.js';
import { DeliveryLedger, LEDGER_WINDOW } from '../src/delivery/ledger.js';
import { formatRecordMessage } from '../src/delivery/record-message.js';
import { printTable, projectRoot } from './bench-util.js';
const RECORDS = Number(process.env.DURESS_BENCH_LEDGER_RECORDS ?? 20_000_000);
const SOURCES = 4;
const WALL_SECONDS = Number(process.env.DURESS_BENCH_MEMORY_SECONDS ?? 20);
/**
 * Memory over a long run. (1) The delivery ledger fed RECORDS records from 4 sources (in order, with a
 * duplicate and a reordered pair every 1,000 records): its per-record state and the process's heap plus
 * array buffers right after a forced full collection, at ten checkpoints; target: the last checkpoint no more than 10% (and 4 MB) above the
 * second, and the state at most one window per source. The ledger before windowing held one byte per
 * record: RECORDS bytes here. (2) duress's resident memory per instance: the same forwarder scenario
 * with 2 and with 8 instances, WALL_SECONDS of wall time each; per instance = the difference / 6.
 */
export async function benchLedgerMemory() {
    const ledger = new DeliveryLedger();
    // A bench may force full collections, so each checkpoint measures live memory only, not the garbage made here.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc');
    for (let i = 0; i < SOURCES; i++)
        ledger.register(`s${i}`);
    const perSource = Math.floor(RECORDS / SOURCES);
    const checkpoints = [];
    const batch = [];
    for (let seq = 0; seq < perSource; seq++) {
        for (let i = 0; i < SOURCES; i++) {
            const sent = seq % 1000 === 500 ? seq + 1 : seq % 1000 === 501 ? seq - 1 : seq;
            batch.push({ message: formatRecordMessage(`s${i}`, sent, seq, 40) });
            if (seq % 1000 === 0)
                batch.push({ message: formatRecordMessage(`s${i}`, seq, seq, 40) });
        }
        if (batch.length >= 4000)
            ledger.deliveredEvents(batch.splice(0), seq + 100);
        if ((seq + 1) % Math.floor(perSource / 10) === 0) {
            gc();
            const m = process.memoryUsage();
            checkpoints.push({ records: (seq + 1) * SOURCES, stateBytes: ledger.stateBytes(), heapBytes: m.heapUsed + m.arrayBuffers });
        }
    }
    ledger.deliveredEvents(batch.splice(0), perSource + 100);
    const c = ledger.counts();
    const second = checkpoints[1];
    const last = checkpoints.at(-1);
    const heapGrowth = last.heapBytes - second.heapBytes;
    const ledgerFlat = last.stateBytes <= SOURCES * LEDGER_WINDOW && last.stateBytes === second.stateBytes && heapGrowth <= Math.max(0.1 * second.heapBytes, 4 * 2 ** 20);
    const exact = c.delivered === perSource * SOURCES && c.lost === 0 && c.reordered === SOURCES * Math.floor(perSource / 1000);
    printTable(`ledger: ${(RECORDS / 1e6).toFixed(0)} M records from ${SOURCES} sources`, [
        ...checkpoints.map((p) => [`after ${(p.records / 1e6).toFixed(1)} M records`, `ledger state ${mb(p.stateBytes)}, live heap + array buffers after a forced full GC ${mb(p.heapBytes)}`]),
        ['unwindowed ledger (1 byte per record)', mb(RECORDS)],
        ['counts exact (delivered, lost 0, reordered)', String(exact)],
    ]);
    const small = await residentMemory(2);
    const large = await residentMemory(8);
    const perInstance = (large.rss - small.rss) / 6;
    printTable(`duress resident memory, forwarder at 200 records/s per instance, ${WALL_SECONDS} s wall each`, [
        ['duress resident memory, 2 instances', mb(small.rss)],
        ['duress resident memory, 8 instances', mb(large.rss)],
        ['per instance (difference / 6)', mb(perInstance)],
        ['largest instance memory (heap + external)', mb(Math.max(small.instance, large.instance))],
    ]);
    return {
        name: 'ledger-memory',
        metrics: { records: RECORDS, ledgerStateMB: last.stateBytes / 2 ** 20, heapGrowthMB: heapGrowth / 2 ** 20, rssPerInstanceMB: perInstance / 2 ** 20 },
        pass: ledgerFlat && exact,
    };
}
/**
 * Mean resident memory of duress (all threads) over the last half of a short forwarder cell, and the
 * largest instance's memory, from the cell's interval events (the cell runs as `duress run` runs it).
 */
async function residentMemory(instances) {
    const file = path.join(projectRoot(), 'scenarios/quickstart.yaml');
    const speed = 30;
    const { scenario } = await loadScenarioDocument(file, {
        overrides: [
            { path: 'instances', value: String(instances) },
            { path: 'clock.speed', value: String(speed) },
            { path: 'duration', value: `${WALL_SECONDS * speed}s` },
            { path: 'system.input.rate', value: '200/s' },
            { path: 'report.interval', value: `${speed}s` },
            { path: 'faults', value: '[]' },
        ],
    });
    const clock = new ScaledClock(speed);
    const layer = await FaultLayer.start({ clock, seed: scenario.seed });
    const journal = [];
    const cell = new CellRunner({ index: 0, name: 'default', values: {}, instances, duration: scenario.duration }, scenario, clock, layer, (e) => journal.push(e));
    let ticks;
    try {
        await cell.start();
        ticks = clock.setInterval(() => cell.interval(), scenario.report.interval);
        await clock.sleep(scenario.duration);
    }
    finally {
        clearInterval(ticks);
        await cell.stop(false);
        await layer.stop();
    }
    const points = journal.filter((e) => e.t === 'interval');
    const half = points.slice(Math.floor(points.length / 2));
    return { rss: half.reduce((a, p) => a + p.rss, 0) / half.length, instance: Math.max(...points.map((p) => p.maxInstanceMemory)) };
}
function mb(bytes) {
    return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
//# sourceMappingURL=ledger-memory.js.map