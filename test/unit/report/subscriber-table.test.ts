import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LinkTableSpec, CellInfo, JournalEvent, LinkInterval } from '../../../src/journal/events.js';
import { loadRunResults } from '../../../src/results/load-run.js';
import type { RunResults } from '../../../src/results/results.js';
import { brokerKind } from '../../../src/systems/broker/kind.js';
import { createHistogram, encodeHistogram, recordMs } from '../../../src/metrics/histogram.js';
import { buildResults } from '../../../src/results/build-results.js';
import { buildReportModel } from '../../../src/report/model.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { renderJson } from '../../../src/report/renderers/index.js';
import { renderJunit } from '../../../src/report/renderers/junit.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { renderTerminal } from '../../../src/report/renderers/terminal.js';
import { parseScenario } from '../../../src/scenario/load.js';
import type { DeliveryCounts } from '../../../src/delivery/ledger.js';
import { fixtureResults } from '../../fixtures/report-fixture.js';

const histogram = (ms: number, n: number): string => {
  const h = createHistogram();
  for (let i = 0; i < n; i++) recordMs(h, ms);
  return encodeHistogram(h);
};

const delivery = (generated: number, delivered: number): DeliveryCounts => ({
  generated, delivered, duplicated: 0, duplicateCopies: 0, reordered: 0, dropped: generated - delivered, droppedButDelivered: 0, undrained: 0, lostInFailures: 0, lost: 0, foreign: 0,
});

/**
 * Two broker cells: under block the fast subscribers wait 3 s, under disconnect 5 ms and the slow one is cut off.
 * `lagMs`: duress's main thread lag journaled in each interval (speed 1, so scenario ms too). `legacy`: as
 * journals were written before kinds declared their report sections (intervals' `subscribers`, no section
 * in `cell-start`); otherwise as the engine writes them now, the broker kind's section in `cell-start`.
 */
function brokerJournal(lagMs?: number, legacy = false, spec: LinkTableSpec = brokerKind.report!.links!): JournalEvent[] {
  const scenario = parseScenario('name: t\nduration: 20s\nsystem: { kind: broker, rate: 10/s }\n', 't.yaml');
  const cells: CellInfo[] = ['block', 'disconnect'].map((p, index) => ({ index, name: `policy=${p}`, values: { policy: p }, instances: 1, duration: 20_000 }));
  const events: JournalEvent[] = [{ t: 'run-start', format: 'duress-journal/1', duressVersion: 't', wall: '', file: 't.yaml', scenario, speed: 1, cells }];
  cells.forEach((c, i) => {
    const fastMs = i === 0 ? 3000 : 5;
    const links: LinkInterval[] = [
      { name: 'subscriber-0', role: 'fast', latency: histogram(fastMs, 100), delivered: 100, counts: { dropped: 0, cut: 0, disconnected: 0 } },
      { name: 'subscriber-1', role: 'slow', latency: histogram(9000, i === 0 ? 100 : 10), delivered: i === 0 ? 100 : 10, counts: { dropped: 0, cut: i === 0 ? 0 : 90, disconnected: i === 0 ? 0 : 1 } },
    ];
    const subscribers = links.map(({ counts, ...l }) => ({ ...l, ...counts }));
    events.push(legacy ? { t: 'cell-start', cell: i, wall: '' } : { t: 'cell-start', cell: i, wall: '', links: spec });
    events.push({ t: 'instance-start', cell: i, slot: 0, id: `c${i}s0g0`, at: 0 });
    events.push({
      t: 'interval', cell: i, at: 20_000, wallMs: 20_000, delivery: delivery(200, subscribers[0]!.delivered + subscribers[1]!.delivered), exposureMs: 20_000, failures: 0,
      endToEnd: histogram(fastMs, 100), request: encodeHistogram(createHistogram()), requests: {}, rss: 0, maxInstanceMemory: 0,
      // The old shape is not in the journal's types any more: only results/legacy-journals.ts reads it.
      ...(legacy ? ({ subscribers } as object) : { links }),
      system: { peakQueuedBytes: 1024 * (i + 1), peakMemory: 2 ** 20 * (i + 10) },
      ...(lagMs === undefined ? {} : { lag: { mainMaxMs: lagMs, mainP99Ms: lagMs / 2, workerMaxMs: 0 } }),
    });
    events.push({ t: 'instance-end', cell: i, slot: 0, id: `c${i}s0g0`, at: 20_000, reason: 'stopped' });
    events.push({ t: 'cell-end', cell: i, at: 20_000, drained: true, delivery: delivery(200, subscribers[0]!.delivered + subscribers[1]!.delivered), requests: {}, system: { peakQueuedBytes: 1024 * (i + 1), peakMemory: 2 ** 20 * (i + 10) }, sink: {} });
  });
  events.push({ t: 'run-end', wall: '', wallMs: 1000, interrupted: undefined });
  return events;
}

test('broker cells carry per-subscriber figures, and the report puts the fast subscribers\' p99 beside the faulted ones', () => {
  const results = buildResults(brokerJournal());
  assert.deepEqual(
    results.cells[1]!.perLink?.links.map((s) => [s.name, s.role, s.count, Number(s.p99.toPrecision(2)), s.delivered, s.counts.cut, s.counts.disconnected]),
    [
      ['subscriber-0', 'fast', 100, 5, 100, 0, 0],
      ['subscriber-1', 'slow', 10, 9000, 10, 90, 1],
    ],
  );
  const model = buildReportModel(results);
  const rows = model.linkTable?.rows ?? [];
  assert.deepEqual(rows.map((r) => [r.cell, Number(r.baseline.p99.toPrecision(2)), Math.round(r.p99Ratio ?? 0)]), [
    ['policy=block', 3000, 600],
    ['policy=disconnect', 5, 1],
  ]);
  assert.deepEqual(rows[1]!.faulted.map((f) => [f.name, f.role, f.counts.disconnected]), [['subscriber-1', 'slow', 1]]);
  const terminal = renderTerminal(model);
  assert.match(terminal, /fast p99 vs best policy/);
  assert.equal(model.linkTable?.comparedAcross, 'policy');
  assert.match(terminal, /policy=block .*3\.00 s .*×600/);
  const markdown = renderMarkdown(model);
  assert.match(markdown, /### Fast subscribers/);
  assert.match(markdown, /\| policy=disconnect \| 5\.00 ms \| 5\.00 ms \| ×1\.0 \| 5\.00 ms \| subscriber-1 \(slow\) \| 9\.00 s \| 0 \| 90 \| 1× \| - \| 2KB \| 11MB \|/);
});

test('a forwarder run has no subscriber table', () => {
  const model = buildReportModel(fixtureResults());
  assert.equal(model.linkTable, undefined);
  assert.doesNotMatch(renderMarkdown(model), /Fast subscribers/);
  assert.doesNotMatch(renderTerminal(model), /fast p99/);
});

test('harness lag marks the subscriber latency figures it may have distorted, in every format', () => {
  // 500 ms of lag at speed 1: at least 10% of the 5 ms and 3 s fast figures (flagged), under 10% of the slow
  // subscriber's 9 s p99 (not flagged).
  const model = buildReportModel(buildResults(brokerJournal(500)));
  const rows = model.linkTable?.rows ?? [];
  assert.deepEqual(rows.map((r) => r.lagDistorted), [['p50', 'p99', 'max'], ['p50', 'p99', 'max']]);
  assert.deepEqual(rows.map((r) => r.faulted.map((f) => f.p99LagDistorted)), [[false], [false]]);
  const markdown = renderMarkdown(model);
  assert.match(markdown, /\| policy=disconnect \| 5\.00 ms\* \| 5\.00 ms\* \| ×1\.0 \| 5\.00 ms\* \| subscriber-1 \(slow\) \| 9\.00 s \|/);
  assert.match(renderTerminal(model), /policy=block .*3\.00 s\* .*×600/);
  assert.match(renderHtml(model), /<section id="subscribers">.*<td class="num">5\.00 ms\*<\/td>/s);
  const json = JSON.parse(renderJson(model)) as { linkTable: { rows: { lagDistorted: string[] }[] } };
  assert.deepEqual(json.linkTable.rows[1]!.lagDistorted, ['p50', 'p99', 'max']);

  // 1 s of lag: now 10% of the slow subscriber's 9 s p99 too; the report's notes and JUnit name it.
  const lagged = buildResults(brokerJournal(1000));
  assert.ok(lagged.harness!.distorted.some((d) => d.cell === 'policy=disconnect' && d.figure === 'subscriber-1 p99'), lagged.harness!.distorted.map((d) => `${d.cell} ${d.figure}`).join('; '));
  const model2 = buildReportModel(lagged);
  assert.match(renderMarkdown(model2), /\| subscriber-1 \(slow\) \| 9\.00 s\* \|/);
  assert.match(renderJunit(model2), /duress\.harness\.distortedFigures" value="[^"]*policy=disconnect subscriber-1 p99/);
});

test('without lag figures nothing in the subscriber table is marked', () => {
  const model = buildReportModel(buildResults(brokerJournal()));
  assert.deepEqual(model.linkTable?.rows.map((r) => r.lagDistorted), [[], []]);
  assert.doesNotMatch(renderMarkdown(model), /ms\*|s\*/);
});

test('journals and results.json written with `subscribers` (before kinds declared report sections) still read, to the same figures and tables', () => {
  // The journals of then had no cut-off time (`cutAt`): compared with today's section without it.
  const section = brokerKind.report!.links!;
  const now = buildResults(brokerJournal(1000, false, { ...section, counts: section.counts.filter((c) => c.key !== 'cutAt') }));
  const old = buildResults(brokerJournal(1000, true));
  assert.deepEqual(old.cells.map((c) => c.perLink), now.cells.map((c) => c.perLink));
  assert.deepEqual(old.harness, now.harness);
  for (const render of [renderMarkdown, renderTerminal, renderHtml]) assert.equal(render(buildReportModel(old)), render(buildReportModel(now)));

  // A results.json of then: each broker cell's figures under `subscribers`, counts beside the latency.
  const written = JSON.parse(JSON.stringify(now)) as RunResults & { cells: Record<string, unknown>[] };
  for (const c of written.cells) {
    const perLink = c.perLink as NonNullable<RunResults['cells'][number]['perLink']>;
    c.subscribers = perLink.links.map(({ counts, ...l }) => ({ ...l, ...counts }));
    delete c.perLink;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'duress-legacy-'));
  try {
    writeFileSync(path.join(dir, 'results.json'), JSON.stringify(written));
    const { results } = loadRunResults(dir, process.cwd());
    assert.deepEqual(results.cells.map((c) => c.perLink), now.cells.map((c) => c.perLink));
    assert.equal(renderMarkdown(buildReportModel(results)), renderMarkdown(buildReportModel(now)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
