import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'junit2json';
import { decodeHistogram, mergeHistograms, summarize } from '../../../src/metrics/histogram.js';
import { buildReportModel } from '../../../src/report/model.js';
import { escapeXml, renderJunit } from '../../../src/report/renderers/junit.js';
import { expectedHtf, wholeHours } from '../../fixtures/expected-htf.js';
import { fixtureExpectations, fixtureResults } from '../../fixtures/report-fixture.js';
async function junit(results) {
    const parsed = await parse(renderJunit(buildReportModel(results)));
    assert.ok(parsed && 'testsuite' in parsed);
    return parsed;
}
function properties(c) {
    return Object.fromEntries((c.properties ?? []).map((p) => [p.name, String(p.value)]));
}
const suiteNamed = (p, suffix) => p.testsuite.find((s) => s.name.endsWith(`: ${suffix}`));
const expected = fixtureExpectations();
test('thresholds that pass: a green JUnit although the no-patch baseline crashes and hangs as expected', async () => {
    const parsed = await junit(fixtureResults({ thresholds: ['htf_lower{variant=patch} > 500h', 'lost{variant=patch} == 0', 'failures{variant=no-patch} > 0'] }));
    assert.equal(parsed.failures, 0, 'the exit code is 0, so nothing fails');
    assert.equal(parsed.errors, 0);
    const cells = suiteNamed(parsed, 'stability matrix');
    assert.deepEqual(cells.testcase.map((c) => [c.name, c.failure === undefined, properties(c).verdict, Number(properties(c).failures)]), expected.map((e, i) => [e.name, true, ['very stable', 'somewhat stable', 'crashes', 'hangs, loses data'][i], e.failures]));
    const baseline = cells.testcase[3];
    assert.equal(properties(baseline)['lost silently'], String(expected[3].lostSilently));
    assert.match(baseline['system-out'][0], /^failure at .* hang: /m, 'its failures are listed all the same');
    assert.equal(suiteNamed(parsed, 'thresholds').testcase.length, 3);
});
test('a failed threshold fails its test case and the cells it is charged to, nothing else', async () => {
    const results = fixtureResults({ thresholds: ['lost == 0', 'htf_lower{variant=patch,keepalive=on} > 1000h', 'p99{variant=patch} < 1ms'] });
    const parsed = await junit(results);
    const thresholds = suiteNamed(parsed, 'thresholds');
    const cells = suiteNamed(parsed, 'stability matrix');
    // lost == 0 is charged to the one cell that lost records; p99{variant=patch} to both patch cells.
    assert.deepEqual(cells.testcase.map((c) => [c.name, c.failure?.[0]?.type]), [
        [expected[0].name, 'threshold'],
        [expected[1].name, 'threshold'],
        [expected[2].name, undefined],
        [expected[3].name, 'threshold'],
    ]);
    assert.match(cells.testcase[3].failure[0].message, /^failed threshold: lost == 0 \(the cell hangs, loses data: 123 failures: 120 hangs, 3 crashes\)$/);
    assert.equal(cells.failures, 3);
    assert.equal(thresholds.failures, 2);
    const patch = results.cells.filter((c) => c.values.variant === 'patch');
    const p99 = summarize(mergeHistograms(patch.map((c) => decodeHistogram(c.latency.endToEnd.histogram)))).p99;
    const [lost, lower, latency] = thresholds.testcase;
    assert.equal(lost.failure[0].message, `measured ${expected[3].lostSilently}, needs == 0`);
    assert.equal(lower.failure, undefined);
    assert.match(lower['system-out'][0], new RegExp(`measured ${wholeHours(expectedHtf(expected[0].exposureHours, 0).lower)}, needs > 1000h`));
    const shown = /^measured ([\d.]+)s, needs < 1ms$/.exec(latency.failure[0].message);
    assert.ok(shown, latency.failure[0].message);
    assert.ok(Math.abs(Number(shown[1]) * 1000 - p99) / p99 < 0.005, `${shown[1]}s against p99 ${p99} ms of the merged histograms`);
    assert.equal(parsed.tests, 4 + 3 + 1);
    assert.equal(parsed.failures, 3 + 2);
});
test('a run cut off by kill -9: loss is "not judged" and the run case is an error, as the exit code says', async () => {
    const r = fixtureResults({ thresholds: ['failures{variant=patch} < 100'] });
    const cut = { ...r, run: { ...r.run, complete: false, endedAt: undefined }, cells: r.cells.map((c) => ({ ...c, deliveryFinal: false, drained: undefined })) };
    const parsed = await junit(cut);
    const run = suiteNamed(parsed, 'run').testcase[0];
    assert.equal(run.error[0].type, 'incomplete');
    assert.match(run.error[0].message, /the journal ends before the run did/);
    assert.equal(parsed.errors, 1);
    assert.equal(parsed.failures, 0);
    for (const c of suiteNamed(parsed, 'stability matrix').testcase) {
        assert.equal(properties(c)['lost silently'], 'not judged');
        assert.doesNotMatch(c['system-out'][0], /\d+ lost silently/);
        assert.match(c['system-out'][0], /lost silently: not judged/);
    }
});
test('evidence with markup and control characters stays well-formed XML', async () => {
    const r = fixtureResults();
    r.cells[2].failures[0].evidence = { error: 'bad <tag attr="x"> & \u0001 \u001b[31m ]]> done' };
    const parsed = await junit(r);
    const out = suiteNamed(parsed, 'stability matrix').testcase[2]['system-out'][0];
    assert.match(out, /bad <tag attr="x"> & \uFFFD \uFFFD\[31m \]\]> done/);
    assert.equal(escapeXml(`<a b='c'>&`), '&lt;a b=&apos;c&apos;&gt;&amp;');
});
test('without thresholds: the matrix and the run, nothing failed; a cell that did not run is skipped', async () => {
    const r = fixtureResults();
    r.cells[0] = { ...r.cells[0], exposureHours: 0, failures: [] };
    const parsed = await junit(r);
    assert.deepEqual(parsed.testsuite.map((s) => s.name), ['fixture-stability: stability matrix', 'fixture-stability: run']);
    assert.equal(parsed.failures, 0);
    assert.equal(parsed.testsuite[0].skipped, 1);
    assert.ok(parsed.testsuite[0].testcase[0].skipped);
    assert.equal(suiteNamed(parsed, 'run').testcase[0].error, undefined);
});
//# sourceMappingURL=junit.test.js.map