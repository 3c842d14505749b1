import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CellInfo, IntervalEvent, JournalEvent } from '../../../src/journal/events.js';
import { createHistogram, encodeHistogram, recordMs } from '../../../src/metrics/histogram.js';
import { buildResults } from '../../../src/results/build-results.js';
import { foldShortSpans, intervalSpans, usualSpan, type IntervalSpan } from '../../../src/results/over-time.js';
import { parseScenario } from '../../../src/scenario/load.js';
import type { DeliveryCounts } from '../../../src/delivery/ledger.js';

const NONE: DeliveryCounts = { generated: 0, delivered: 0, duplicated: 0, duplicateCopies: 0, reordered: 0, dropped: 0, droppedButDelivered: 0, undrained: 0, lostInFailures: 0, lost: 0, foreign: 0 };

/** A histogram of these latencies (ms), encoded as the journal holds it. Values ≤ 2.048 ms are exact at 3 significant digits. */
function latencies(...ms: number[]): string {
  const h = createHistogram();
  for (const v of ms) recordMs(h, v);
  return encodeHistogram(h);
}

interface Cumulative {
  at: number;
  delivered: number;
  requests: Record<string, number>;
  latency: number[];
  failures?: number;
  rss?: number;
}

function interval(c: Cumulative): IntervalEvent {
  return {
    t: 'interval', cell: 0, at: c.at, wallMs: c.at, delivery: { ...NONE, generated: c.delivered, delivered: c.delivered }, exposureMs: c.at * 4, failures: c.failures ?? 0,
    endToEnd: latencies(...c.latency), request: latencies(), requests: c.requests, rss: c.rss ?? 100, maxInstanceMemory: c.rss ?? 100,
  };
}

function journal(intervals: readonly Cumulative[]): JournalEvent[] {
  const scenario = parseScenario('name: t\nduration: 15s\nsystem: { kind: broker, rate: 10/s }\n', 't.yaml');
  const cells: CellInfo[] = [{ index: 0, name: 'default', values: {}, instances: 4, duration: 15_000 }];
  return [
    { t: 'run-start', format: 'duress-journal/1', duressVersion: 't', wall: '', file: 't.yaml', scenario, speed: 1, cells },
    { t: 'cell-start', cell: 0, wall: '', succeededRequests: ['ok'] },
    ...intervals.map(interval),
  ];
}

// Three periodic intervals of 5 s, then the one written as the cell stops, 40 ms later.
const QUICK_END: Cumulative[] = [
  { at: 5_000, delivered: 9_000, requests: { ok: 4 }, latency: [1, 1, 1] },
  { at: 10_000, delivered: 19_000, requests: { ok: 9, throttled: 1 }, latency: [1.5] },
  { at: 15_000, delivered: 29_500, requests: { ok: 14, throttled: 1 }, latency: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], failures: 1, rss: 300 },
  { at: 15_040, delivered: 30_700, requests: { ok: 15, throttled: 3 }, latency: [2], failures: 2, rss: 200 },
];

test('the short last interval is folded into the one before: its records, requests and latency over the two spans together', () => {
  const cell = buildResults(journal(QUICK_END)).cells[0]!;
  assert.deepEqual(cell.overTime.map((p) => p.at), [5_000, 10_000, 15_040], 'three points; the third ends where the folded interval did');
  // 9,000 in 5 s; 10,000 in 5 s; then 10,500 + 1,200 = 11,700 records over 10,000 .. 15,040 ms, 5.04 s.
  assert.equal(cell.overTime[0]!.deliveredPerSecond, 1_800);
  assert.equal(cell.overTime[1]!.deliveredPerSecond, 2_000);
  assert.ok(Math.abs(cell.overTime[2]!.deliveredPerSecond - 11_700 / 5.04) < 1e-9, `${cell.overTime[2]!.deliveredPerSecond}`);
  // Without the fold the last point would read 1,200 records in 40 ms: 30,000/s.
  assert.ok(cell.overTime.every((p) => p.deliveredPerSecond < 2_400));
  // Requests: 15 - 10 = 5 then 18 - 15 = 3, of which 0 and 2 failed (throttled 1 → 1 → 3).
  assert.deepEqual(cell.overTime.map((p) => [p.requests, p.requestsFailed]), [[4, 0], [6, 1], [8, 2]]);
  // Latency: ten records at 1 ms and one at 2 ms: the median is 1 ms; the 99th percentile (the 11th of 11) and the max are 2 ms.
  assert.deepEqual([cell.overTime[2]!.p50, cell.overTime[2]!.p99, cell.overTime[2]!.max], [1, 2, 2]);
  // Cumulative figures are those at the folded interval's end; memory is the larger of the two samples.
  assert.equal(cell.overTime[2]!.failures, 2);
  assert.equal(cell.overTime[2]!.exposureHours, (15_040 * 4) / 3_600_000);
  assert.equal(cell.overTime[2]!.rss, 300);
});

test('totals over the points are unchanged by the fold', () => {
  const cell = buildResults(journal(QUICK_END)).cells[0]!;
  let from = 0;
  let delivered = 0;
  for (const p of cell.overTime) {
    delivered += (p.deliveredPerSecond * (p.at - from)) / 1000;
    from = p.at;
  }
  assert.ok(Math.abs(delivered - 30_700) < 1e-6, `records over all points ${delivered}, delivered 30,700`);
  assert.equal(cell.overTime.reduce((n, p) => n + p.requests, 0), 18);
  assert.equal(cell.overTime.reduce((n, p) => n + p.requestsFailed, 0), 3);
  assert.equal(cell.latency.endToEnd.count, 15, 'the cell latency still counts every record once');
});

/** A stretch (from, at] with `delivered` records and one latency of 1 ms per record (at most 3, to keep it small). */
function span(from: number, at: number, delivered: number): IntervalSpan {
  const h = createHistogram();
  for (let i = 0; i < Math.min(delivered, 3); i++) recordMs(h, 1);
  return { from, at, delivered, requests: delivered, requestsFailed: 0, endToEnd: h, failures: 0, exposureMs: at, rss: 0, maxInstanceMemory: 0 };
}

test('the usual interval is the median span of all intervals but the last', () => {
  assert.equal(usualSpan([span(0, 5_000, 1), span(5_000, 9_000, 1), span(9_000, 15_000, 1), span(15_000, 15_010, 1)]), 5_000);
  assert.equal(usualSpan([span(0, 4_000, 1), span(4_000, 10_000, 1), span(10_000, 10_010, 1)]), 5_000, 'an even count: the mean of the middle two');
  assert.equal(usualSpan([span(0, 30, 1)]), undefined, 'a lone interval has none');
});

test('only a span under half the usual one folds; several in a row fold into the same point; a short first span stays', () => {
  const at = (spans: readonly IntervalSpan[]): [number, number, number][] => foldShortSpans(spans).map((s) => [s.from, s.at, s.delivered]);
  // 2,600 ms is over half of 5 s: it stays a point of its own.
  assert.deepEqual(at([span(0, 5_000, 10), span(5_000, 10_000, 10), span(10_000, 12_600, 7)]), [[0, 5_000, 10], [5_000, 10_000, 10], [10_000, 12_600, 7]]);
  // 2,400 ms is under half: folded.
  assert.deepEqual(at([span(0, 5_000, 10), span(5_000, 10_000, 10), span(10_000, 12_400, 7)]), [[0, 5_000, 10], [5_000, 12_400, 17]]);
  // Usual span given: two short spans in a row both join the 5 s point before them.
  assert.deepEqual(
    foldShortSpans([span(0, 5_000, 10), span(5_000, 5_100, 2), span(5_100, 5_150, 3)], 5_000).map((s) => [s.from, s.at, s.delivered, s.endToEnd.totalCount]),
    [[0, 5_150, 15, 8]],
  );
  // A cell shorter than its interval: a lone short span, and a short first span, have nothing before them.
  assert.deepEqual(at([span(0, 30, 4)]), [[0, 30, 4]]);
  assert.deepEqual(foldShortSpans([span(0, 1_000, 4), span(1_000, 6_000, 9)], 5_000).map((s) => [s.from, s.at]), [[0, 1_000], [1_000, 6_000]]);
});

test('the spans read from cumulative intervals are the differences, each from the previous end', () => {
  const spans = intervalSpans(QUICK_END.map(interval), (r) => r?.ok ?? 0);
  assert.deepEqual(spans.map((s) => [s.from, s.at, s.delivered, s.requests, s.requestsFailed, s.endToEnd.totalCount]), [
    [0, 5_000, 9_000, 4, 0, 3],
    [5_000, 10_000, 10_000, 6, 1, 1],
    [10_000, 15_000, 10_500, 5, 0, 10],
    [15_000, 15_040, 1_200, 3, 2, 1],
  ]);
});
