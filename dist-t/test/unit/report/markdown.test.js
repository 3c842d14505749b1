import assert from 'node:assert/strict';
import { test } from 'node:test';
import { marked } from 'marked';
import { buildReportModel } from '../../../src/report/model.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { decodeHistogram, mergeHistograms, summarize } from '../../../src/metrics/histogram.js';
import { fixtureCellTexts, fixtureExpectations, fixtureResults } from '../../fixtures/report-fixture.js';
const [patchOn, patchOff, noPatchOn, noPatchOff] = fixtureExpectations();
const TEXT = fixtureCellTexts();
const results = fixtureResults({ thresholds: ['lost == 0', 'p99{variant=patch} < 20s', 'failures{mode=hang,variant=patch} == 0'] });
const model = buildReportModel(results);
const md = renderMarkdown(model);
test('the stability matrix is a GitHub table in the seed form', () => {
    assert.match(md, /^\| \| variant=patch \| variant=no-patch \|$/m);
    assert.match(md, /^\|---\|---\|---\|$/m);
    const lines = md.split('\n');
    assert.ok(lines.includes(`| keepalive=on | ${TEXT.patchOn} | ${TEXT.noPatchOn} |`), md);
    assert.ok(lines.includes(`| keepalive=off | ${TEXT.patchOff} | ${TEXT.noPatchOff} |`), md);
});
test('a Markdown parser reads every table with the right rows and columns', () => {
    const tables = marked.lexer(md).filter((t) => t.type === 'table');
    const [matrix, htf, latency, delivery, failures] = tables;
    const [thresholds, run] = tables.slice(-2);
    // The p99 of both patch cells' merged histograms.
    const merged = summarize(mergeHistograms(results.cells.filter((c) => c.values.variant === 'patch').map((c) => decodeHistogram(c.latency.endToEnd.histogram))));
    // One "what each fault did" table per cell that had faults, between the failures and the thresholds.
    const faultTables = tables.slice(5, -2);
    assert.equal(faultTables.length, 4);
    for (const t of faultTables) {
        assert.equal(t.header.length, 10);
        assert.ok(t.rows.length > 0);
    }
    assert.equal(tables.length, 11);
    assert.deepEqual(matrix.header.map((h) => h.text), ['', 'variant=patch', 'variant=no-patch']);
    assert.deepEqual(matrix.rows.map((r) => r.map((c) => c.text)), [
        ['keepalive=on', TEXT.patchOn, TEXT.noPatchOn],
        ['keepalive=off', TEXT.patchOff, TEXT.noPatchOff],
    ]);
    assert.equal(htf.rows.length, 4);
    assert.equal(latency.header.length, 8, "the percentiles, the record count and the harness lag beside them");
    assert.equal(latency.rows.length, 4);
    assert.equal(delivery.rows[3][7].text, String(noPatchOff.lostSilently), 'silent loss of the last cell');
    assert.equal(failures.rows.length, 50, 'failures listed up to 50; the rest counted');
    const failureCount = patchOn.failures + patchOff.failures + noPatchOn.failures + noPatchOff.failures;
    assert.match(md, new RegExp(`… and ${failureCount - 50} more in report\\.json\\.`));
    assert.ok(failures.rows.some((r) => /throttled|reset|DNS/.test(r[5].text)), 'faults active at a failure');
    const thresholdRows = thresholds.rows.map((r) => r.map((c) => c.text));
    const shownP99 = /^([\d.]+)s$/.exec(thresholdRows[1][1]);
    assert.ok(shownP99 && Math.abs(Number(shownP99[1]) * 1000 - merged.p99) / merged.p99 < 0.005, `${thresholdRows[1][1]} against ${merged.p99} ms`);
    thresholdRows[1][1] = 'p99 of the patch cells';
    assert.deepEqual(thresholdRows, [
        ['`lost == 0`', `${noPatchOff.lostSilently}`, '== 0', `❌ failed: measured ${noPatchOff.lostSilently}, needs == 0`],
        ['`p99{variant=patch} < 20s`', 'p99 of the patch cells', '< 20s', '✅ passed'],
        ['`failures{mode=hang,variant=patch} == 0`', '0', '== 0', '✅ passed'],
    ]);
    assert.ok(run.rows.some((r) => r[0].text === 'wall time'));
});
test('cell text cannot break the table: pipes escaped, no tag opened', () => {
    const r = fixtureResults();
    r.cells[1].failures[0].evidence = { error: 'a | b <script>alert(1)</script>\nsecond line' };
    const text = renderMarkdown(buildReportModel(r));
    const failures = marked.lexer(text).filter((t) => t.type === 'table')[4];
    assert.equal(failures.header.length, 6);
    assert.ok(failures.rows.every((row) => row.length === 6));
    assert.ok(!text.includes('<script>'));
    assert.match(text, /a \\\| b &lt;script>alert\(1\)&lt;\/script>/);
});
//# sourceMappingURL=markdown.test.js.map