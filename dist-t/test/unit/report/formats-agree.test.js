import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readJournal } from '../../../src/journal/writer.js';
import { buildResults } from '../../../src/results/build-results.js';
import { buildReportModel } from '../../../src/report/model.js';
import { rendererKinds } from '../../../src/report/renderers/index.js';
import { htmlTables, htmlText, junitProperties, junitSuites, markdownTables, rowsByHeader, tableStartingWith, terminalTables, } from '../../helpers/report-readers.js';
/**
 * The journal of a real run (test/fixtures/journals/kills-matrix.yaml: two forwarder variants, three
 * instances each, killed one at a time four times), whole, and cut after its 64th line with half a line
 * after it: what `kill -9` of duress leaves (the journal is appended a line at a time), so loss could not
 * be judged. Every format of each must state the same verdict,
 * failures and delivery figures per cell, and the same threshold outcomes, and they must be what the
 * journal's own events say.
 */
const JOURNALS = fileURLToPath(new URL('../../../../test/fixtures/journals/', import.meta.url));
const NOT_JUDGED = 'not judged';
const plain = (text) => text.replace(/,(?=\d{3}\b)/g, '').trim();
/** `10,631 (94.41%)` → `10631`. */
const count = (text) => plain(text.replace(/\s*\(.*\)$/, ''));
/** `6 failures: 6 crashes` → `6`; `no failures` → `0`. */
const failuresIn = (summary) => (summary.startsWith('no failures') ? '0' : /^(\d+) failures?\b/.exec(summary)?.[1] ?? `unreadable: ${summary}`);
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
/** The figures computed from the journal's events alone, without buildResults or the model. */
function fromJournal(events) {
    const start = events.find((e) => e.t === 'run-start');
    return start.cells.map((cell) => {
        const failures = events.filter((e) => e.t === 'failure' && e.cell === cell.index);
        const end = events.find((e) => e.t === 'cell-end' && e.cell === cell.index);
        const intervals = events.filter((e) => e.t === 'interval' && e.cell === cell.index);
        const delivery = end?.delivery ?? intervals[intervals.length - 1].delivery;
        const byMode = new Map();
        for (const f of failures)
            byMode.set(f.mode, (byMode.get(f.mode) ?? 0) + 1);
        const dominant = [...byMode.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
        const silent = end ? delivery.lost : 0;
        // The verdict rule for short runs (far below the 1000h that could make a cell "somewhat" or "very" stable).
        const words = { crash: 'crashes', hang: 'hangs', memory: 'runs out of memory', loss: 'loses data' };
        const verdictWords = dominant !== undefined ? `${words[dominant]}${silent > 0 && dominant !== 'loss' ? ', loses data' : ''}` : silent > 0 ? 'loses data' : 'stable';
        return {
            name: cell.name,
            verdictWords,
            says: {
                failures: String(failures.length),
                generated: String(delivery.generated),
                delivered: String(delivery.delivered),
                lostSilently: end ? String(delivery.lost) : NOT_JUDGED,
                lostInFailures: end ? String(delivery.lostInFailures) : NOT_JUDGED,
            },
        };
    });
}
function fromJson(text) {
    const model = JSON.parse(text);
    return new Map(model.cells.map((c) => [
        c.name,
        {
            verdict: c.verdict.words,
            failures: String(c.failureCount),
            generated: String(c.delivery.generated),
            delivered: String(c.delivery.delivered),
            lostSilently: c.delivery.lost === null ? NOT_JUDGED : String(c.delivery.lost),
            lostInFailures: c.delivery.lostInFailures === null ? NOT_JUDGED : String(c.delivery.lostInFailures),
        },
    ]));
}
/** The delivery table every text format shares (generated … lost silently), keyed by cell. */
function deliveryBy(rows, first) {
    return new Map(rows.map((r) => [r[first], { generated: count(r.generated), delivered: count(r.delivered), lostSilently: plain(r['lost silently']), lostInFailures: plain(r['lost in failures']) }]));
}
function fromTerminal(text) {
    const tables = terminalTables(text);
    const stability = rowsByHeader(tableStartingWith(tables, 'cell', 'verdict'));
    const delivery = deliveryBy(rowsByHeader(tableStartingWith(tables, 'records', 'generated')), 'records');
    return new Map(stability.map((r) => {
        const d = delivery.get(r.cell);
        // The summary's `lost (all)` column is silent loss and loss in failures together.
        const all = d.lostSilently === NOT_JUDGED ? NOT_JUDGED : String(Number(d.lostSilently) + Number(d.lostInFailures));
        assert.equal(plain(r['lost (all)']), all, `terminal ${r.cell}: lost (all) against the delivery table`);
        return [r.cell, { verdict: r.verdict, failures: plain(r.failures), ...d }];
    }));
}
function fromMarkdown(text) {
    const tables = markdownTables(text);
    const htf = rowsByHeader(tableStartingWith(tables, 'cell', 'verdict', 'exposure (scenario h)'));
    const delivery = deliveryBy(rowsByHeader(tableStartingWith(tables, 'cell', 'generated')), 'cell');
    return new Map(htf.map((r) => [r.cell, { verdict: r.verdict, failures: failuresIn(r.failures), ...delivery.get(r.cell) }]));
}
function fromHtml(html) {
    const delivery = deliveryBy(rowsByHeader(tableStartingWith(htmlTables(html), 'cell', 'generated')), 'cell');
    // Each cell's card: `<h3>name <span class="badge">verdict</span> <span class="muted">figure, bound · failures · slots</span></h3>`.
    const cards = [...html.matchAll(/<article class="cell-card"[^>]*>\s*<h3>([\s\S]*?)<\/h3>/g)].map((m) => {
        const [, name, verdict, muted] = /^([\s\S]*?) <span class="badge"[^>]*>([\s\S]*?)<\/span> <span class="muted">([\s\S]*?)<\/span>$/.exec(m[1]);
        return { name: htmlText(name), verdict: htmlText(verdict), summary: htmlText(muted).split(' · ')[1] };
    });
    // The matrix says the same verdict, capitalised, in the cell's colour.
    const matrixWords = [...html.matchAll(/<div class="words"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => lowerFirst(htmlText(m[1])));
    assert.deepEqual([...matrixWords].sort(), cards.map((c) => c.verdict).sort(), 'HTML matrix and cell cards');
    return new Map(cards.map((c) => [c.name, { verdict: c.verdict, failures: failuresIn(c.summary), ...delivery.get(c.name) }]));
}
async function fromJunit(xml) {
    const { suites } = await junitSuites(xml);
    const matrix = suites.find((s) => s.name.endsWith(': stability matrix'));
    return new Map(matrix.testcase.map((c) => {
        const p = junitProperties(c);
        return [c.name, { verdict: p.verdict, failures: p.failures, generated: p.generated, delivered: p.delivered, lostSilently: p['lost silently'], lostInFailures: p['lost in failures'] }];
    }));
}
/** Threshold expression → passed, as each format states it. */
async function thresholdsSaid(out) {
    const json = new Map(JSON.parse(out.json).thresholds.map((t) => [t.expression, t.passed]));
    const terminal = new Map(rowsByHeader(tableStartingWith(terminalTables(out.terminal), 'threshold')).map((r) => [r.threshold, r.result === 'passed']));
    const markdown = new Map(rowsByHeader(tableStartingWith(markdownTables(out.markdown), 'threshold')).map((r) => [r.threshold.replace(/^`|`$/g, ''), r.result.includes('passed')]));
    const html = new Map(rowsByHeader(tableStartingWith(htmlTables(out.html), 'threshold')).map((r) => [r.threshold, r.result === 'passed']));
    const { suites } = await junitSuites(out.junit);
    const junit = new Map(suites.find((s) => s.name.endsWith(': thresholds')).testcase.map((c) => [c.name, c.failure === undefined]));
    return { json, terminal, markdown, html, junit };
}
for (const [file, complete] of [
    ['kills-matrix.jsonl', true],
    ['kills-matrix-cut.jsonl', false],
]) {
    test(`${file}: terminal, Markdown, HTML, JSON and JUnit state the same verdicts and counts, and the journal's`, async () => {
        const { events } = readJournal(path.join(JOURNALS, file));
        const model = buildReportModel(buildResults(events));
        assert.equal(model.run.complete, complete);
        const out = Object.fromEntries(rendererKinds().map((k) => [k.name, k.render(model)]));
        const expected = fromJournal(events);
        assert.ok(expected.some((c) => Number(c.says.failures) > 0), 'the run has failures to agree on');
        const said = {
            json: fromJson(out.json),
            terminal: fromTerminal(out.terminal),
            markdown: fromMarkdown(out.markdown),
            html: fromHtml(out.html),
            junit: await fromJunit(out.junit),
        };
        for (const [format, cells] of Object.entries(said)) {
            assert.deepEqual([...cells.keys()], expected.map((c) => c.name), `${format}: the cells`);
            for (const c of expected) {
                assert.deepEqual(cells.get(c.name), { verdict: c.verdictWords, ...c.says }, `${format}, ${c.name}: against the journal`);
            }
        }
        const thresholds = await thresholdsSaid(out);
        const expressions = events[0].scenario.thresholds;
        for (const [format, outcomes] of Object.entries(thresholds)) {
            assert.deepEqual([...outcomes.keys()], expressions, `${format}: every threshold`);
            assert.deepEqual([...outcomes.values()], [...thresholds.json.values()], `${format}: the same threshold outcomes as report.json`);
        }
        const failed = [...thresholds.json.values()].filter((passed) => !passed).length;
        const summary = failed === 0 ? `all ${expressions.length} passed` : `${failed} of ${expressions.length} failed`;
        assert.match(out.terminal, new RegExp(`^thresholds: ${summary}$`, 'm'));
        assert.ok(out.markdown.includes(`**Thresholds: ${summary}.**`), 'Markdown');
        assert.ok(htmlText(out.html).includes(`thresholds: ${summary}`), 'HTML');
        const { totals } = await junitSuites(out.junit);
        const cellsCharged = model.cells.filter((c) => c.failedThresholds.length > 0).length;
        assert.equal(totals.failures, failed + cellsCharged, 'JUnit fails the failed thresholds and the cells they are charged to');
        assert.equal(totals.errors, complete ? 0 : 1, 'JUnit errors only for a run that did not finish');
        if (!complete) {
            const note = 'the journal ends before the run did';
            for (const [format, text] of Object.entries(out))
                assert.ok(text.includes(note), `${format} says the run was cut off`);
            assert.ok(!/\d lost silently/.test(out.junit), 'no format counts records in flight as lost');
        }
    });
}
//# sourceMappingURL=formats-agree.test.js.map