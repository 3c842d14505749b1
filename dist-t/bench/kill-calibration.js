import { heartbeatMs, judgeKillCalibration, killCalibrationRuns } from '../test/helpers/kill-calibration.js';
import { printTable } from './bench-util.js';
const SEEDS = Number(process.env.DURESS_BENCH_CALIBRATION_SEEDS ?? 40);
/**
 * The longer version of test/integration/engine/calibration.test.ts: hours to failure against kills of
 * known mean, on real runs. 4 forwarder instances at speed 1000, one killed at a time on an exponential
 * timeline of mean 400 s, so each instance's true mean time to failure is 4 × 400 s = 1600 s (0.444 h);
 * SEEDS runs (default 40) of 20,000 s of scenario time (20 s of wall time each), about 50 kills each,
 * 2 at a time. Targets: the 95% lower bound below the true mean in at least 90% of runs; the pooled
 * estimate within 10% of it; results exposure equal to the sum of the journaled instance lifetimes and
 * to the live figure, to within one heartbeat; no lifetime that ends before it starts; no failure but kills.
 */
export async function benchKillCalibration() {
    const c = { instances: 4, meanGapMs: 400_000, durationMs: 20_000_000, speed: 1000 };
    const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1);
    const began = performance.now();
    const runs = await killCalibrationRuns(c, seeds, 2);
    const v = judgeKillCalibration(c, runs);
    const hb = heartbeatMs(c);
    const pass = v.coverage >= 0.9 && v.pooledError <= 0.1 && v.worstExposureGapMs <= hb && v.worstLiveGapMs <= hb && v.backwards === 0 && v.otherFailures === 0;
    printTable(`kill calibration: ${c.instances} instances, kills every ~${c.meanGapMs / 1000} s, ${SEEDS} seeds`, [
        ['true mean time to failure (scenario h)', v.trueMean.toFixed(3)],
        ['pooled estimate (scenario h), target within 10%', `${v.pooledEstimate.toFixed(3)} (${(v.pooledError * 100).toFixed(1)}% off)`],
        ['kills that failed an instance', String(v.totalKills)],
        ['95% lower bound below the truth (target >= 90%)', `${v.covered} of ${v.runs} (${(v.coverage * 100).toFixed(0)}%)`],
        ['results exposure vs sum of lifetimes, worst (scenario ms)', `${v.worstExposureGapMs.toFixed(1)} (one heartbeat: ${hb})`],
        ['results exposure vs live figure, worst (scenario ms)', `${v.worstLiveGapMs.toFixed(1)} (one heartbeat: ${hb})`],
        ['lifetimes ending before they start', String(v.backwards)],
        ['failures other than kills', String(v.otherFailures)],
        ['wall time', `${((performance.now() - began) / 1000).toFixed(0)} s`],
    ]);
    return {
        name: 'kill-calibration',
        metrics: { coverage: v.coverage, pooledError: v.pooledError, kills: v.totalKills, worstExposureGapMs: v.worstExposureGapMs, worstLiveGapMs: v.worstLiveGapMs },
        pass,
    };
}
//# sourceMappingURL=kill-calibration.js.map