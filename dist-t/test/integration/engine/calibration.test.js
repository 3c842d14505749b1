import assert from 'node:assert/strict';
import { test } from 'node:test';
import { heartbeatMs, judgeKillCalibration, killCalibrationRuns } from '../../helpers/kill-calibration.js';
/**
 * Hours to failure, calibrated on real runs (CI size; `npm run bench -- kill-calibration` is the longer
 * version). 4 instances at speed 1000, one killed at a time on an exponential timeline of mean 320 s: each
 * instance's true mean time to failure is 4 × 320 s = 1280 s (0.356 h; see kill-calibration.ts for why).
 * 20 seeds of 4000 s (4 s of wall time each), about 12 kills each, 5 cells at a time: about 25 s of wall
 * time on an idle 2-core machine (several minutes on one loaded many times over).
 */
const CALIBRATION = { instances: 4, meanGapMs: 320_000, durationMs: 4_000_000, speed: 1000 };
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
test('hours to failure against kills of known mean: the 95% lower bound covers the truth in 90% of 20 seeds, the pooled estimate is within 10%, exposure is the instances\' lifetimes', { timeout: 300_000 }, async () => {
    const runs = await killCalibrationRuns(CALIBRATION, SEEDS, 5);
    const v = judgeKillCalibration(CALIBRATION, runs);
    console.log(JSON.stringify(v));
    assert.equal(v.backwards, 0, 'no instance lifetime ends before it starts');
    assert.equal(v.otherFailures, 0, 'every failure is a kill');
    const hb = heartbeatMs(CALIBRATION);
    assert.ok(v.worstExposureGapMs <= hb, `results exposure and the sum of lifetimes differ by up to ${v.worstExposureGapMs} ms (a heartbeat is ${hb} ms)`);
    assert.ok(v.worstLiveGapMs <= hb, `results exposure and the live figure differ by up to ${v.worstLiveGapMs} ms (a heartbeat is ${hb} ms)`);
    assert.ok(v.coverage >= 0.9, `the lower bound covered the true mean in ${v.covered} of ${v.runs} runs`);
    assert.ok(v.pooledError <= 0.1, `pooled estimate ${v.pooledEstimate.toFixed(3)} h against the true ${v.trueMean.toFixed(3)} h (${v.totalKills} kills)`);
});
//# sourceMappingURL=calibration.test.js.map