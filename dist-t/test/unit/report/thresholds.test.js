import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeHistogram, mergeHistograms, summarize } from '../../../src/metrics/histogram.js';
import { buildReportModel } from '../../../src/report/model.js';
import { evaluateResultsThresholds } from '../../../src/report/threshold-outcomes.js';
import { expectedHtf, wholeHours } from '../../fixtures/expected-htf.js';
import { fixtureExpectations, fixtureResults } from '../../fixtures/report-fixture.js';
const [patchOn, patchOff, , noPatchOff] = fixtureExpectations();
const patchOnLower = wholeHours(expectedHtf(patchOn.exposureHours, 0).lower);
const results = fixtureResults();
function measure(expression) {
    const [outcome] = evaluateResultsThresholds(results, [expression]);
    return outcome;
}
test('a selector picks cells by matrix value; mode picks failures', () => {
    assert.deepEqual(measure('failures{variant=no-patch} > 0').cells, ['variant=no-patch,keepalive=on', 'variant=no-patch,keepalive=off']);
    assert.equal(measure('failures{variant=no-patch} > 0').measured, 50 + 123, 'failures add up');
    assert.equal(measure('failures{variant=no-patch,mode=hang} == 0').measured, 120);
    assert.equal(measure('failures{mode=crash} == 0').measured, 2 + 50 + 3);
    assert.equal(measure('failures{variant=patch,keepalive=on} == 0').passed, true);
});
test('hours to failure is pooled over the matching cells: Σ exposure, Σ failures', () => {
    const close = (a, b) => a !== undefined && Math.abs(a - b) <= 1e-9 * b;
    const T = patchOn.exposureHours + patchOff.exposureHours;
    const pooled = expectedHtf(T, patchOn.failures + patchOff.failures);
    assert.ok(close(measure('htf{variant=patch} > 1h').measured, pooled.estimate));
    assert.ok(close(measure('htf_lower{variant=patch} > 1h').measured, pooled.lower));
    assert.equal(measure('htf_lower{variant=patch,keepalive=on} > 1000h').measuredText, patchOnLower);
    assert.ok(close(measure('htf_lower{mode=hang} >= 1h').measured, expectedHtf(4 * patchOn.exposureHours, noPatchOff.byMode.hang).lower));
});
test('latency percentiles come from the merged histograms, not averaged', () => {
    const patch = results.cells.filter((c) => c.values.variant === 'patch');
    const merged = summarize(mergeHistograms(patch.map((c) => decodeHistogram(c.latency.endToEnd.histogram))));
    assert.equal(measure('p99{variant=patch} < 2s').measured, merged.p99);
    assert.equal(measure('p99.9{variant=patch} < 2s').measured, merged.p99_9);
    assert.equal(measure('max < 1h').measured, summarize(mergeHistograms(results.cells.map((c) => decodeHistogram(c.latency.endToEnd.histogram)))).max);
});
test('delivery: lost counts silent loss and loss in failures; ratio and throughput pooled', () => {
    assert.equal(measure('lost == 0').measured, noPatchOff.lostSilently);
    assert.equal(measure('loss{variant=patch} == 0').passed, true, 'loss is an alias of lost');
    assert.equal(measure('delivered_ratio >= 99.999%').passed, true);
    const generated = fixtureExpectations().reduce((n, c) => n + c.generated, 0);
    const ratio = (generated - noPatchOff.lostSilently) / generated;
    assert.equal(measure('delivered_ratio >= 99.999%').measured, ratio);
    assert.equal(measure('delivered_ratio >= 99.999%').measuredText, `${Number((ratio * 100).toPrecision(7))}%`);
    assert.equal(measure('throughput{variant=patch} >= 400/s').measured, 400, 'the rate of one cell, pooled; not the sum of cells');
    assert.equal(measure('dropped == 0').measured, 0);
});
test('a threshold that cannot be measured fails and says why', () => {
    assert.deepEqual([measure('p99{variant=nope} < 1s'), measure('lost{region=eu} == 0')].map((o) => [o.passed, o.reason, o.measuredText]), [
        [false, 'no cell matches {variant=nope}', '-'],
        [false, 'no cell matches {region=eu}', '-'],
    ]);
    const incomplete = { ...results, cells: results.cells.map((c) => ({ ...c, deliveryFinal: false })) };
    const [lost] = evaluateResultsThresholds(incomplete, ['lost == 0']);
    assert.equal(lost.passed, false);
    assert.match(lost.reason, /not judged.*journal ends before the cell did/);
    const [bad] = evaluateResultsThresholds(results, ['p99 << 2s']);
    assert.equal(bad.passed, false);
    assert.match(bad.reason, /expected a value after "<" at column 6/);
});
test('the model carries every outcome with its measured value; passed only when all passed', () => {
    const failing = buildReportModel(fixtureResults({ thresholds: ['lost == 0', 'htf_lower{variant=patch,keepalive=on} > 1000h'] }));
    assert.equal(failing.passed, false);
    assert.deepEqual(failing.thresholds.map((t) => [t.expression, t.measuredText, t.requirement, t.passed]), [
        ['lost == 0', String(noPatchOff.lostSilently), '== 0', false],
        ['htf_lower{variant=patch,keepalive=on} > 1000h', patchOnLower, '> 1000h', true],
    ]);
    assert.equal(buildReportModel(fixtureResults({ thresholds: ['lost{variant=patch} == 0'] })).passed, true);
    assert.equal(buildReportModel(fixtureResults()).passed, true, 'no thresholds: passed');
});
test('a failed threshold is charged to the cells that fail it on their own, or to all it matched when only their pool fails', () => {
    const [, patchOffCell, noPatchOnCell, noPatchOffCell] = fixtureExpectations();
    // no-patch cells fail 50 and 123 times: each alone is under 150, together they are not.
    assert.ok(noPatchOnCell.failures < 150 && noPatchOffCell.failures < 150 && noPatchOnCell.failures + noPatchOffCell.failures >= 150);
    const outcome = (expression) => evaluateResultsThresholds(results, [expression])[0].failedCells;
    assert.deepEqual(outcome('failures{variant=no-patch} < 100'), [noPatchOffCell.name], 'only the cell over 100 on its own');
    assert.deepEqual(outcome('failures{variant=no-patch} < 150'), [noPatchOnCell.name, noPatchOffCell.name], 'the pool fails, no cell alone: all of them');
    assert.deepEqual(outcome('lost == 0'), [noPatchOffCell.name], 'the one cell that lost records');
    assert.deepEqual(outcome('failures{variant=patch} < 100'), [], 'passed: charged to none');
    assert.ok(patchOffCell.failures >= 2, 'the fixture plants at least two failures in variant=patch,keepalive=off');
    const model = buildReportModel(fixtureResults({ thresholds: ['failures{variant=patch} < 2'] }));
    assert.deepEqual(model.cells.map((c) => c.failedThresholds), [[], ['failures{variant=patch} < 2'], [], []]);
});
//# sourceMappingURL=thresholds.test.js.map