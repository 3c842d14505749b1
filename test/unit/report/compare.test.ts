import assert from 'node:assert/strict';
import { test } from 'node:test';
import { marked, type Tokens } from 'marked';
import { compareRuns, formatP } from '../../../src/report/compare.js';
import { renderComparisonMarkdown } from '../../../src/report/renderers/compare-markdown.js';
import { renderComparisonTerminal } from '../../../src/report/renderers/compare-terminal.js';
import { fixtureResults } from '../../fixtures/report-fixture.js';

const run = fixtureResults();
const side = (selector: Record<string, string>, label: string, results = run): Parameters<typeof compareRuns>[0] => ({ results, selector, source: 'fixture', label });

test('patch against no-patch: the candidate fails far less often, p < 0.05', () => {
  const c = compareRuns(side({ variant: 'no-patch' }, 'variant=no-patch'), side({ variant: 'patch' }, 'variant=patch'));
  assert.equal(c.baseline.failures, 173);
  assert.equal(c.candidate.failures, 2);
  assert.equal(c.baseline.exposureHours, 8000);
  assert.ok(c.rates.pTwoSided < 0.05);
  assert.equal(c.significant, true);
  assert.ok(c.rates.ratio! < 0.05);
  assert.equal(c.verdict, 'candidate fails 86× less often (p < 0.0001): significant at 95%');
  assert.equal(c.candidate.htf.figure, '~4000h');
  assert.ok(c.latency.every((s) => s.absolute < 0), 'the patch is faster at every percentile');
});

test('the same variant of two runs: no significant difference', () => {
  const other = fixtureResults({ seed: 2, failureScale: 1.1 });
  const c = compareRuns(side({ variant: 'no-patch', keepalive: 'on' }, 'a', run), side({ variant: 'no-patch', keepalive: 'on' }, 'b', other));
  assert.equal(c.baseline.failures, 50);
  assert.equal(c.candidate.failures, 55);
  assert.equal(c.significant, false);
  assert.match(c.verdict, /^no significant difference \(p = 0\.\d+\)$/);
  const none = compareRuns(side({ variant: 'patch', keepalive: 'on' }, 'a'), side({ variant: 'patch', keepalive: 'on' }, 'b'));
  assert.equal(none.verdict, 'no significant difference (p = 1): neither side failed');
});

test('a candidate that never failed against a failing baseline, and one that fails more', () => {
  const never = compareRuns(side({ variant: 'no-patch' }, 'no-patch'), side({ variant: 'patch', keepalive: 'on' }, 'patch-on'));
  assert.match(never.verdict, /^candidate fails less often: never, against 173 baseline failures \(p < 0\.0001, at least \d+× less often at 95%\): significant at 95%$/);
  const worse = compareRuns(side({ variant: 'patch' }, 'patch'), side({ variant: 'no-patch' }, 'no-patch'));
  assert.match(worse.verdict, /^candidate fails 86× more often/);
  assert.throws(() => compareRuns(side({ variant: 'nope' }, 'x'), side({}, 'y')), /no cell matches \{variant=nope\}/);
});

test('terminal and Markdown show both sides, the test, the bounds and the latency shift', () => {
  const c = compareRuns(side({ variant: 'no-patch' }, 'variant=no-patch'), side({ variant: 'patch' }, 'variant=patch'));
  const term = renderComparisonTerminal(c);
  assert.match(term, /exact conditional test: p < 0\.0001/);
  assert.match(term, /verdict: candidate fails 86× less often/);
  const md = renderComparisonMarkdown(c);
  const table = marked.lexer(md).find((t): t is Tokens.Table => t.type === 'table')!;
  assert.deepEqual(table.header.map((h) => h.text), ['', 'baseline: variant=no-patch', 'candidate: variant=patch', 'difference']);
  const rows = Object.fromEntries(table.rows.map((r) => [r[0]!.text, r.slice(1).map((x) => x.text)]));
  assert.deepEqual(rows['hours to failure'], ['~46h', '~4000h', '']);
  assert.equal(rows['lower bound']![1], '≥ 1271h at 95%');
  assert.match(rows['latency p99 (end to end)']![2]!, /^−.* \(−\d+%\)$/);
  assert.equal(formatP(0.61839), 'p = 0.62');
  assert.equal(formatP(0.00041), 'p = 0.00041');
});
