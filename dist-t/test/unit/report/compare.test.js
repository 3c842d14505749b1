import assert from 'node:assert/strict';
import { test } from 'node:test';
import { marked } from 'marked';
import { compareRuns, formatP } from '../../../src/report/compare.js';
import { renderComparisonMarkdown, renderComparisonTerminal } from '../../../src/report/renderers/compare.js';
import { expectedHtf, wholeHours } from '../../fixtures/expected-htf.js';
import { fixtureExpectations, fixtureResults } from '../../fixtures/report-fixture.js';
const [patchOn, patchOff, noPatchOn, noPatchOff] = fixtureExpectations();
/** Failures and exposure of each side, from the fixture's inputs. */
const noPatch = { r: noPatchOn.failures + noPatchOff.failures, T: noPatchOn.exposureHours + noPatchOff.exposureHours };
const patch = { r: patchOn.failures + patchOff.failures, T: patchOn.exposureHours + patchOff.exposureHours };
/** The rate ratio a verdict states, `86×`: whole times from 10×, within rounding of the true ratio. */
function factorOf(verdict) {
    const m = /fails (\d+)× (less|more) often/.exec(verdict);
    assert.ok(m, verdict);
    return Number(m[1]);
}
const run = fixtureResults();
const side = (selector, label, results = run) => ({ results, selector, source: 'fixture', label });
test('patch against no-patch: the candidate fails far less often, p < 0.05', () => {
    const c = compareRuns(side({ variant: 'no-patch' }, 'variant=no-patch'), side({ variant: 'patch' }, 'variant=patch'));
    assert.equal(c.baseline.failures, noPatch.r);
    assert.equal(c.candidate.failures, patch.r);
    assert.equal(c.baseline.exposureHours, noPatch.T);
    assert.ok(c.rates.pTwoSided < 0.05);
    assert.equal(c.significant, true);
    assert.ok(c.rates.ratio < 0.05);
    assert.match(c.verdict, /^candidate fails \d+× less often \(p < 0\.0001\): significant at 95%$/);
    const ratio = noPatch.r / noPatch.T / (patch.r / patch.T);
    assert.ok(Math.abs(factorOf(c.verdict) - ratio) <= 0.5, `${c.verdict} against a rate ratio of ${ratio}`);
    assert.equal(c.candidate.htf.figure, `~${wholeHours(patch.T / patch.r)}`);
    assert.ok(c.latency.every((s) => s.absolute < 0), 'the patch is faster at every percentile');
});
test('the same variant of two runs: no significant difference', () => {
    const other = fixtureResults({ seed: 2, failureScale: 1.1 });
    const c = compareRuns(side({ variant: 'no-patch', keepalive: 'on' }, 'a', run), side({ variant: 'no-patch', keepalive: 'on' }, 'b', other));
    assert.equal(c.baseline.failures, noPatchOn.failures);
    assert.equal(c.candidate.failures, Math.round(noPatchOn.failures * 1.1), 'failureScale 1.1');
    assert.equal(c.significant, false);
    assert.match(c.verdict, /^no significant difference \(p = 0\.\d+\)$/);
    const none = compareRuns(side({ variant: 'patch', keepalive: 'on' }, 'a'), side({ variant: 'patch', keepalive: 'on' }, 'b'));
    assert.equal(none.verdict, 'no significant difference (p = 1): neither side failed');
});
test('a candidate that never failed against a failing baseline, and one that fails more', () => {
    const never = compareRuns(side({ variant: 'no-patch' }, 'no-patch'), side({ variant: 'patch', keepalive: 'on' }, 'patch-on'));
    assert.match(never.verdict, new RegExp(`^candidate fails less often: never, against ${noPatch.r} baseline failures`));
    assert.match(never.verdict, /^candidate fails less often: never, against \d+ baseline failures \(p < 0\.0001, at least \d+× less often at 95%\): significant at 95%$/);
    const worse = compareRuns(side({ variant: 'patch' }, 'patch'), side({ variant: 'no-patch' }, 'no-patch'));
    assert.match(worse.verdict, /^candidate fails \d+× more often/);
    assert.ok(Math.abs(factorOf(worse.verdict) - noPatch.r / noPatch.T / (patch.r / patch.T)) <= 0.5, worse.verdict);
    assert.throws(() => compareRuns(side({ variant: 'nope' }, 'x'), side({}, 'y')), /no cell matches \{variant=nope\}/);
});
test('terminal and Markdown show both sides, the test, the bounds and the latency shift', () => {
    const c = compareRuns(side({ variant: 'no-patch' }, 'variant=no-patch'), side({ variant: 'patch' }, 'variant=patch'));
    const term = renderComparisonTerminal(c);
    assert.match(term, /exact conditional test: p < 0\.0001/);
    assert.match(term, /verdict: candidate fails 86× less often/);
    const md = renderComparisonMarkdown(c);
    const table = marked.lexer(md).find((t) => t.type === 'table');
    assert.deepEqual(table.header.map((h) => h.text), ['', 'baseline: variant=no-patch', 'candidate: variant=patch', 'difference']);
    const rows = Object.fromEntries(table.rows.map((r) => [r[0].text, r.slice(1).map((x) => x.text)]));
    assert.deepEqual(rows['hours to failure'], [`~${wholeHours(noPatch.T / noPatch.r)}`, `~${wholeHours(patch.T / patch.r)}`, '']);
    assert.equal(rows['lower bound'][1], `≥ ${wholeHours(expectedHtf(patch.T, patch.r).lower)} at 95%`);
    assert.match(rows['latency p99 (end to end)'][2], /^−.* \(−\d+%\)$/);
    assert.equal(formatP(0.61839), 'p = 0.62');
    assert.equal(formatP(0.00041), 'p = 0.00041');
});
//# sourceMappingURL=compare.test.js.map