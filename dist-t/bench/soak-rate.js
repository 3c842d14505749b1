import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScenario } from '../src/engine/run.js';
import { loadScenarioDocument } from '../src/scenario/load.js';
import { expandMatrix } from '../src/scenario/matrix.js';
import { printTable, projectRoot } from './bench-util.js';
const WALL_SECONDS = Number(process.env.DURESS_BENCH_SOAK_SECONDS ?? 120);
/**
 * How much soak a wall hour buys: a forwarder cell of 16 instances at 50 records/s each, clock speed 60,
 * for WALL_SECONDS of wall time; scenario instance-hours per wall-hour (target >= 500), and duress's own
 * resident memory (main thread and instance workers together) in the last quarter of the run against
 * the first quarter (target: no more than 10% above it). Only growth fails the target: the question is
 * whether a long soak leaks. Resident memory also falls during a run, in steps of 100 MB or more, when
 * freed memory goes back to the system; a fall is not a leak. The drift is printed either way.
 */
export async function benchSoakRate() {
    const file = path.join(projectRoot(), 'scenarios/quickstart.yaml');
    const speed = 60;
    const { scenario, data } = await loadScenarioDocument(file, {
        overrides: [
            { path: 'instances', value: '16' },
            { path: 'clock.speed', value: String(speed) },
            { path: 'duration', value: `${WALL_SECONDS * speed}s` },
            { path: 'system.input.rate', value: '50/s' },
            { path: 'system.scheduler.base', value: '1s' },
            { path: 'system.scheduler.cap', value: '60s' },
            { path: 'report.interval', value: `${speed * 2}s` },
            { path: 'drain', value: '60s' },
        ],
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'duress-bench-soak-'));
    const results = await runScenario(scenario, expandMatrix(data, scenario, file), { file, dir });
    rmSync(dir, { recursive: true, force: true });
    const cell = results.cells[0];
    const perWallHour = cell.exposureHours / (results.run.wallMs / 3_600_000);
    const points = cell.overTime;
    const quarter = Math.max(1, Math.floor(points.length / 4));
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const firstQ = mean(points.slice(0, quarter).map((p) => p.rss));
    const lastQ = mean(points.slice(-quarter).map((p) => p.rss));
    const drift = lastQ / firstQ - 1;
    printTable(`soak: 16 forwarder instances x 50 records/s, speed ${speed}, ${WALL_SECONDS} s wall`, [
        ['scenario instance-hours', cell.exposureHours.toFixed(1)],
        ['wall time', `${(results.run.wallMs / 1000).toFixed(1)} s`],
        ['instance-hours per wall-hour (target >= 500)', perWallHour.toFixed(0)],
        ['resident memory, first quarter', `${(firstQ / 2 ** 20).toFixed(0)} MB`],
        ['resident memory, last quarter', `${(lastQ / 2 ** 20).toFixed(0)} MB`],
        ['drift (target: at most +10%)', `${(drift * 100).toFixed(1)}%`],
        ['failures', String(cell.failures.length)],
        ['records delivered / generated', `${cell.delivery.delivered} / ${cell.delivery.generated}`],
        ['lost', String(cell.delivery.lost)],
    ]);
    return {
        name: 'soak-rate',
        metrics: { instanceHoursPerWallHour: perWallHour, rssFirstQuarterMB: firstQ / 2 ** 20, rssLastQuarterMB: lastQ / 2 ** 20, rssDrift: drift, failures: cell.failures.length },
        pass: perWallHour >= 500 && drift <= 0.1,
    };
}
//# sourceMappingURL=soak-rate.js.map