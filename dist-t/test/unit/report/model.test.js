import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatrix, buildReportModel } from '../../../src/report/model.js';
import { expectedHtf, wholeHours } from '../../fixtures/expected-htf.js';
import { fixtureCellTexts, fixtureExpectations, fixtureResults } from '../../fixtures/report-fixture.js';
const [patchOn, patchOff, noPatchOn, noPatchOff] = fixtureExpectations();
const TEXT = fixtureCellTexts();
const cells = (names) => names.map((values, index) => ({ index, values, name: Object.entries(values).map(([k, v]) => `${k}=${v}`).join(',') || 'default' }));
test('the 2×2 fixture: variant across, keepalive down, each cell in the seed form', () => {
    const model = buildReportModel(fixtureResults());
    assert.equal(model.format, 'duress-report/1');
    assert.equal(model.matrix.columnDimension, 'variant');
    assert.equal(model.matrix.rowDimension, 'keepalive');
    assert.deepEqual(model.matrix.columns.map((c) => c.label), ['variant=patch', 'variant=no-patch']);
    assert.deepEqual(model.matrix.rows.map((r) => r.label), ['keepalive=on', 'keepalive=off']);
    const grid = model.matrix.rows.map((r) => r.cells.map((i) => model.cells[i].text));
    assert.deepEqual(grid, [
        [TEXT.patchOn, TEXT.noPatchOn],
        [TEXT.patchOff, TEXT.noPatchOff],
    ]);
    const hangs = model.cells[3];
    assert.equal(hangs.dominantMode, 'hang');
    assert.equal(hangs.failureSummary, `${noPatchOff.failures} failures: ${noPatchOff.byMode.hang} hangs, ${noPatchOff.byMode.crash} crashes`);
    assert.equal(hangs.htf.upperText, `≤ ${wholeHours(expectedHtf(noPatchOff.exposureHours, noPatchOff.failures).upper)} at 95%`);
    assert.equal(model.cells[0].htf.upperText, undefined, 'no failure, no upper bound');
    assert.equal(model.verdictRule.length > 0, true);
});
test('failures carry their cell and the faults active at each; latency, delivery and timeline per cell', () => {
    const model = buildReportModel(fixtureResults());
    assert.equal(model.failures.length, patchOn.failures + patchOff.failures + noPatchOn.failures + noPatchOff.failures);
    const withFaults = model.failures.filter((f) => f.faults.length > 0);
    assert.ok(withFaults.length > 0);
    assert.ok(withFaults.every((f) => /throttled|reset|DNS/.test(f.faults.join())));
    assert.ok(model.failures.every((f, i, all) => i === 0 || all[i - 1].cellIndex < f.cellIndex || all[i - 1].at <= f.at), 'cell order, then time');
    for (const c of model.cells) {
        assert.equal(c.overTime.length, 20);
        assert.ok(c.latency.endToEnd.p99 > c.latency.endToEnd.p50);
        assert.equal('histogram' in c.latency.endToEnd, false, 'the model holds figures, not encodings');
        assert.ok(c.faults.length > 0);
        assert.equal(c.delivery.final, true);
        assert.ok(Math.abs(c.delivery.perScenarioSecond - 400) < 0.01, String(c.delivery.perScenarioSecond));
    }
    assert.deepEqual(model.cells.map((c) => [c.delivery.generated, c.delivery.delivered, c.delivery.lost]), [patchOn, patchOff, noPatchOn, noPatchOff].map((e) => [e.generated, e.delivered, e.lostSilently]));
});
test('run facts label every kind of time', () => {
    const { run } = buildReportModel(fixtureResults());
    assert.equal(run.speed, 3600);
    assert.equal(run.exposureHours, patchOn.exposureHours * 4);
    const labels = Object.fromEntries(run.lines.map((l) => [l.label, l.value]));
    assert.match(labels['wall time'], /real time/);
    assert.match(labels['clock speed'], /3600× \(scenario seconds per wall second\)/);
    assert.match(labels['exposure'], new RegExp(`^${patchOn.exposureHours * 4}h scenario hours`));
    assert.match(labels['scenario time per cell'], /100\.00 h of load planned/);
    assert.deepEqual(run.notes, []);
});
test('matrix layout: one dimension, none, sub-rows, and cells that did not run', () => {
    const one = buildMatrix(cells([{ v: 'a' }, { v: 'b' }, { v: 'c' }]));
    assert.deepEqual(one.columns.map((c) => c.label), ['v=a', 'v=b', 'v=c']);
    assert.deepEqual(one.rows, [{ label: '', group: '', sub: undefined, values: {}, cells: [0, 1, 2] }]);
    const none = buildMatrix(cells([{}]));
    assert.equal(none.columnDimension, undefined);
    assert.deepEqual(none.columns, [{ label: 'default', value: undefined }]);
    assert.deepEqual(none.rows[0].cells, [0]);
    const three = buildMatrix(cells([
        { v: 'p', k: 'on', r: 'eu' },
        { v: 'p', k: 'on', r: 'us' },
        { v: 'p', k: 'off', r: 'eu' },
        { v: 'p', k: 'off', r: 'us' },
        { v: 'n', k: 'on', r: 'eu' },
        { v: 'n', k: 'off', r: 'us' },
    ]));
    assert.deepEqual(three.subRowDimensions, ['r']);
    assert.deepEqual(three.rows.map((r) => [r.label, r.group, r.sub]), [
        ['k=on, r=eu', 'k=on', 'r=eu'],
        ['k=on, r=us', 'k=on', 'r=us'],
        ['k=off, r=eu', 'k=off', 'r=eu'],
        ['k=off, r=us', 'k=off', 'r=us'],
    ]);
    assert.deepEqual(three.rows.map((r) => r.cells), [[0, 4], [1, undefined], [2, undefined], [3, 5]]);
});
test('an interrupted, incomplete run says so', () => {
    const r = fixtureResults();
    const model = buildReportModel({ ...r, run: { ...r.run, interrupted: 'SIGINT', complete: false } });
    assert.equal(model.run.notes.length, 2);
    assert.match(model.run.notes[0], /interrupted \(SIGINT\)/);
});
//# sourceMappingURL=model.test.js.map