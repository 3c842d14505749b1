import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeCell, STABLE_HOURS } from '../../../src/report/verdict.js';
import { hoursToFailureByMode } from '../../../src/stats/htf-by-mode.js';
import { expectedHtf, wholeHours } from '../../fixtures/expected-htf.js';
import { fixtureResults } from '../../fixtures/report-fixture.js';
const base = fixtureResults().cells[0];
/** A cell like the fixture's first, with the given exposure, failures and silent loss. */
function cell(exposureHours, modes, lost = 0, deliveryFinal = true) {
    const failures = modes.map((mode, i) => ({ t: 'failure', cell: 0, slot: i, id: `i${i}.0`, at: i, mode, evidence: {}, faults: [] }));
    return {
        ...base,
        exposureHours,
        failures,
        htf: hoursToFailureByMode(exposureHours, failures, { confidence: 0.95, modes: ['crash', 'hang', 'memory', 'loss'] }),
        delivery: { ...base.delivery, lost },
        deliveryFinal,
    };
}
test('no failure: very stable when the lower bound reaches STABLE_HOURS, stable below', () => {
    // With r = 0 the 95% lower bound is T / ln(20) ≈ T / 3.
    assert.equal(judgeCell(cell(4000, [])).kind, 'very-stable');
    assert.equal(judgeCell(cell(4000, [])).failed, false);
    assert.match(judgeCell(cell(4000, [])).reason, new RegExp(`lower bound ${wholeHours(expectedHtf(4000, 0).lower)} at 95%`));
    assert.equal(judgeCell(cell(STABLE_HOURS * 2.9, [])).kind, 'stable');
    assert.equal(judgeCell(cell(0.01, [])).words, 'stable');
});
test('failures: the dominant mode names the cell, unless they are rare', () => {
    assert.deepEqual(['hang', 'crash', 'memory', 'loss'].map((m) => judgeCell(cell(10, [m, m, 'crash'].slice(m === 'crash' ? 1 : 0))).words), ['hangs', 'crashes', 'runs out of memory', 'loses data']);
    const rare = judgeCell(cell(4000, ['crash', 'crash']));
    assert.equal(rare.kind, 'somewhat-stable');
    assert.equal(rare.failed, true, 'a somewhat stable cell still failed');
    assert.equal(judgeCell(cell(1999, ['crash', 'crash'])).kind, 'crashes');
    assert.equal(judgeCell(cell(10, ['oops'])).words, 'fails (oops)');
});
test('silent loss fails a cell and is named, once delivery is final', () => {
    const lossOnly = judgeCell(cell(4000, [], 5));
    assert.equal(lossOnly.kind, 'loses-data');
    assert.equal(lossOnly.failed, true);
    assert.match(lossOnly.reason, /5 records lost silently/);
    assert.equal(judgeCell(cell(10, ['hang'], 3)).words, 'hangs, loses data');
    assert.equal(judgeCell(cell(4000, ['crash'], 3)).kind, 'crashes', 'silent loss is never somewhat stable');
    assert.equal(judgeCell(cell(4000, [], 5, false)).kind, 'very-stable', 'loss is not judged before the cell ended');
});
test('a cell with no exposure did not run', () => {
    const v = judgeCell(cell(0, []));
    assert.equal(v.kind, 'not-run');
    assert.equal(v.failed, false);
});
//# sourceMappingURL=verdict.test.js.map