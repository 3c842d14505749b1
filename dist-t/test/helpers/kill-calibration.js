import { HEARTBEAT_WALL_MS } from '../../src/engine/cell-runner.js';
import { MS_PER_HOUR } from '../../src/stats/hours-to-failure.js';
import { cellResults, runCell } from './cell.js';
import { forwarderScenario } from './scenario-text.js';
/** The true mean time to failure of one instance, scenario hours. */
export function trueMeanHours(c) {
    return (c.instances * c.meanGapMs) / MS_PER_HOUR;
}
/** One heartbeat in scenario ms: how far results, lifetimes and the live figure may disagree. */
export function heartbeatMs(c) {
    return HEARTBEAT_WALL_MS * c.speed;
}
export async function killCalibrationRun(c, seed) {
    const scenario = forwarderScenario({
        seed: String(seed),
        duration: `${c.durationMs}ms`,
        drain: '0s',
        instances: String(c.instances),
        'clock.speed': String(c.speed),
        'system.input.rate': '1/s',
        'system.flush': '10s',
        'system.scheduler.base': '5s',
        'system.scheduler.cap': '60s',
        'system.net.keepaliveIdleTimeout': '30s',
        'system.net.connectTimeout': '10s',
        'report.interval': '10m',
        // Hangs are not what is calibrated: a window of 2 h (7 s of wall time) keeps a starved machine's stalls out.
        'failures.hangWindow': '2h',
        faults: `[{kind: kill, every: ~${c.meanGapMs}ms}]`,
    });
    const { journal } = await runCell(scenario);
    const cell = cellResults(scenario, journal);
    const failures = journal.filter((e) => e.t === 'failure');
    const kills = failures.filter((f) => f.mode === 'crash' && /killed by the fault kill#1\//.test(String(f.evidence.reason))).length;
    const { total, backwards } = lifetimes(journal);
    const intervals = journal.filter((e) => e.t === 'interval');
    return {
        seed,
        exposureHours: cell.exposureHours,
        failures: cell.htf.overall.failures,
        estimate: cell.htf.overall.estimate,
        lower: cell.htf.overall.lower ?? 0,
        lifetimesMs: total,
        liveExposureMs: intervals[intervals.length - 1]?.exposureMs ?? Number.NaN,
        kills,
        otherFailures: failures.length - kills,
        backwards,
    };
}
function lifetimes(journal) {
    const starts = new Map();
    let total = 0;
    let backwards = 0;
    for (const e of journal) {
        if (e.t === 'instance-start')
            starts.set(e.id, e.at);
        else if (e.t === 'instance-end') {
            const from = starts.get(e.id);
            if (from === undefined)
                continue;
            if (e.at < from)
                backwards += 1;
            total += e.at - from;
        }
    }
    return { total, backwards };
}
/** Runs `seeds` with at most `parallel` cells at a time (each its own seed, so the runs are independent). */
export async function killCalibrationRuns(c, seeds, parallel) {
    const out = [];
    const queue = [...seeds];
    await Promise.all(Array.from({ length: Math.min(parallel, seeds.length) }, async () => {
        for (let seed = queue.shift(); seed !== undefined; seed = queue.shift())
            out.push(await killCalibrationRun(c, seed));
    }));
    return out.sort((a, b) => a.seed - b.seed);
}
export function judgeKillCalibration(c, runs) {
    const truth = trueMeanHours(c);
    const covered = runs.filter((r) => r.lower < truth).length;
    const exposure = runs.reduce((a, r) => a + r.exposureHours, 0);
    const failures = runs.reduce((a, r) => a + r.failures, 0);
    const pooled = exposure / failures;
    return {
        runs: runs.length,
        covered,
        coverage: covered / runs.length,
        pooledEstimate: pooled,
        trueMean: truth,
        pooledError: Math.abs(pooled - truth) / truth,
        totalKills: runs.reduce((a, r) => a + r.kills, 0),
        worstExposureGapMs: Math.max(...runs.map((r) => Math.abs(r.exposureHours * MS_PER_HOUR - r.lifetimesMs))),
        worstLiveGapMs: Math.max(...runs.map((r) => Math.abs(r.exposureHours * MS_PER_HOUR - r.liveExposureMs))),
        backwards: runs.reduce((a, r) => a + r.backwards, 0),
        otherFailures: runs.reduce((a, r) => a + r.otherFailures, 0),
    };
}
//# sourceMappingURL=kill-calibration.js.map