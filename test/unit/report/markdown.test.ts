import assert from 'node:assert/strict';
import { test } from 'node:test';
import { marked, type Tokens } from 'marked';
import { buildReportModel } from '../../../src/report/model.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { fixtureResults } from '../../fixtures/report-fixture.js';

const model = buildReportModel(fixtureResults({ thresholds: ['lost == 0', 'p99{variant=patch} < 20s', 'failures{mode=hang,variant=patch} == 0'] }));
const md = renderMarkdown(model);

test('the stability matrix is a GitHub table in the seed form', () => {
  assert.match(md, /^\| \| variant=patch \| variant=no-patch \|$/m);
  assert.match(md, /^\|---\|---\|---\|$/m);
  assert.match(md, /^\| keepalive=on \| Very stable \(\+4000h, ≥ 1335h at 95%\) \| Crashes \(~80h, ≥ 63h at 95%\) \|$/m);
  assert.match(md, /^\| keepalive=off \| Somewhat stable \(~2000h, ≥ 635h at 95%\) \| Hangs, loses data \(~33h, ≥ 28h at 95%\) \|$/m);
});

test('a Markdown parser reads every table with the right rows and columns', () => {
  const tables = marked.lexer(md).filter((t): t is Tokens.Table => t.type === 'table');
  const [matrix, htf, latency, delivery, failures] = tables;
  const [thresholds, run] = tables.slice(-2);
  // One "what each fault did" table per cell that had faults, between the failures and the thresholds.
  const faultTables = tables.slice(5, -2);
  assert.equal(faultTables.length, 4);
  for (const t of faultTables) {
    assert.equal(t.header.length, 10);
    assert.ok(t.rows.length > 0);
  }
  assert.equal(tables.length, 11);
  assert.deepEqual(matrix!.header.map((h) => h.text), ['', 'variant=patch', 'variant=no-patch']);
  assert.deepEqual(
    matrix!.rows.map((r) => r.map((c) => c.text)),
    [
      ['keepalive=on', 'Very stable (+4000h, ≥ 1335h at 95%)', 'Crashes (~80h, ≥ 63h at 95%)'],
      ['keepalive=off', 'Somewhat stable (~2000h, ≥ 635h at 95%)', 'Hangs, loses data (~33h, ≥ 28h at 95%)'],
    ],
  );
  assert.equal(htf!.rows.length, 4);
  assert.equal(latency!.header.length, 8, "the percentiles, the record count and the harness lag beside them");
  assert.equal(latency!.rows.length, 4);
  assert.equal(delivery!.rows[3]![7]!.text, '37', 'silent loss of the last cell');
  assert.equal(failures!.rows.length, 50, 'failures listed up to 50; the rest counted');
  assert.match(md, /… and 125 more in report\.json\./);
  assert.ok(failures!.rows.some((r) => /throttled|reset|DNS/.test(r[5]!.text)), 'faults active at a failure');
  assert.deepEqual(
    thresholds!.rows.map((r) => r.map((c) => c.text)),
    [
      ['`lost == 0`', '37', '== 0', '❌ failed: measured 37, needs == 0'],
      ['`p99{variant=patch} < 20s`', '2.666s', '< 20s', '✅ passed'],
      ['`failures{mode=hang,variant=patch} == 0`', '0', '== 0', '✅ passed'],
    ],
  );
  assert.ok(run!.rows.some((r) => r[0]!.text === 'wall time'));
});

test('cell text cannot break the table: pipes escaped, no tag opened', () => {
  const r = fixtureResults();
  r.cells[1]!.failures[0]!.evidence = { error: 'a | b <script>alert(1)</script>\nsecond line' };
  const text = renderMarkdown(buildReportModel(r));
  const failures = marked.lexer(text).filter((t): t is Tokens.Table => t.type === 'table')[4]!;
  assert.equal(failures.header.length, 6);
  assert.ok(failures.rows.every((row) => row.length === 6));
  assert.ok(!text.includes('<script>'));
  assert.match(text, /a \\\| b &lt;script>alert\(1\)&lt;\/script>/);
});
