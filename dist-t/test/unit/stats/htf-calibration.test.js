import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTimeline } from '../../../src/faults/timeline.js';
import { htfLowerBound } from '../../../src/stats/hours-to-failure.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';
/**
 * The bound's arithmetic alone (the runs themselves are calibrated in test/integration/engine/calibration.test.ts):
 * kills on an exponential timeline of known mean, as a scenario declares them (`every: ~M`, one instance
 * each time), over many seeds: the 95% lower bound must sit below the true mean hours-to-failure in at
 * least 90% of runs, and once runs see enough failures the point estimate must be close to it.
 */
function kills(seed, durationH, meanGapMin, instances) {
    const s = forwarderScenario({ duration: `${durationH}h`, instances: String(instances), faults: `[{kind: kill, every: ~${meanGapMin}m, instances: 1}]` });
    return buildTimeline(s.faults, { seed, duration: s.duration, instances }).length;
}
test('the 95% lower bound covers the true mean in at least 90% of short runs', () => {
    const instances = 4;
    const meanGapMin = 30;
    const trueMeanH = (instances * meanGapMin) / 60; // each instance fails every 2 h on average
    const durationH = 6; // about 12 failures a run
    let covered = 0;
    const runs = 400;
    for (let seed = 1; seed <= runs; seed++) {
        const r = kills(seed, durationH, meanGapMin, instances);
        if (htfLowerBound(instances * durationH, r, 0.95) < trueMeanH)
            covered += 1;
    }
    const coverage = covered / runs;
    console.log(`coverage of the 95% lower bound over ${runs} runs: ${(coverage * 100).toFixed(1)}%`);
    assert.ok(coverage >= 0.9, `coverage ${coverage}`);
    assert.ok(coverage <= 0.99, `coverage ${coverage}: a bound this loose would be useless`);
});
test('with about 200 failures a run the point estimate lands within 25% of the true mean, and pooled over runs within 2%', () => {
    const instances = 4;
    const meanGapMin = 30;
    const trueMeanH = (instances * meanGapMin) / 60;
    const durationH = 100; // about 200 failures a run: a relative standard error of about 7%
    const runs = 100;
    let within = 0;
    let failures = 0;
    for (let seed = 1; seed <= runs; seed++) {
        const r = kills(seed, durationH, meanGapMin, instances);
        assert.ok(r >= 20);
        failures += r;
        if (Math.abs((instances * durationH) / r - trueMeanH) / trueMeanH <= 0.25)
            within += 1;
    }
    assert.ok(within / runs >= 0.95, `${within} of ${runs}`);
    // About 20,000 failures in all: a standard error of 0.7%.
    const pooled = (runs * instances * durationH) / failures;
    assert.ok(Math.abs(pooled - trueMeanH) / trueMeanH <= 0.02, `pooled ${pooled} h against ${trueMeanH} h`);
});
//# sourceMappingURL=htf-calibration.test.js.map