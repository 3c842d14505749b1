import type { IntervalEvent } from '../journal/events.js';
import { createHistogram, decodeHistogram, summarize, type Histogram } from '../metrics/histogram.js';
import { MS_PER_HOUR } from '../stats/hours-to-failure.js';
import type { IntervalPoint } from './results.js';

/**
 * An interval shorter than this share of the cell's usual one is folded into the interval before it.
 * The cell's last interval is written when its instances have stopped, often a few tens of ms after the
 * last periodic one: a rate or a percentile over so short a span is noise (one flush landing in 30 ms
 * reads as 60k records/s), and on a chart it sets the axis and flattens everything else.
 */
export const SHORT_INTERVAL_SHARE = 0.5;

/**
 * One stretch of a cell's time, (from, at], with what happened in it counted, not yet turned into rates:
 * so stretches fold by adding counts and spans, exactly.
 */
export interface IntervalSpan {
  /** Scenario ms since the cell's start: the end of the previous stretch (0 for the first), and this one's end. */
  from: number;
  at: number;
  /** Records first delivered, output requests that ended, and how many of those did not succeed, in the stretch. */
  delivered: number;
  requests: number;
  requestsFailed: number;
  /** End-to-end latency of the stretch's deliveries. */
  endToEnd: Histogram;
  /** Cumulative at `at`: failures declared and instance running time (scenario ms). */
  failures: number;
  exposureMs: number;
  /** The largest sample in the stretch: duress's resident memory and the largest instance memory, bytes. */
  rss: number;
  maxInstanceMemory: number;
}

/**
 * A cell's metrics intervals as stretches of its time: each interval's counts minus the previous one's
 * (the journal's are cumulative), its latency histogram decoded. `okCount` counts the requests of a
 * cumulative outcome table that the cell's kind calls succeeded.
 */
export function intervalSpans(intervals: readonly IntervalEvent[], okCount: (requests: Record<string, number> | undefined) => number): IntervalSpan[] {
  const spans: IntervalSpan[] = [];
  let previous: IntervalEvent | undefined;
  for (const iv of intervals) {
    const requests = Math.max(0, sumValues(iv.requests) - sumValues(previous?.requests ?? {}));
    spans.push({
      from: previous?.at ?? 0,
      at: iv.at,
      delivered: iv.delivery.delivered - (previous?.delivery.delivered ?? 0),
      requests,
      requestsFailed: Math.max(0, requests - (okCount(iv.requests) - okCount(previous?.requests))),
      endToEnd: decodeHistogram(iv.endToEnd),
      failures: iv.failures,
      exposureMs: iv.exposureMs,
      rss: iv.rss,
      maxInstanceMemory: iv.maxInstanceMemory,
    });
    previous = iv;
  }
  return spans;
}

/**
 * The cell's usual interval, scenario ms: the median span of its intervals but the last (the last is cut
 * short, or stretched, by the cell's end). Undefined when there is no interval before the last. Measured
 * rather than read from the scenario, so journals of any age, merged shards and a matrix that sets its own
 * `report.interval` all get their own.
 */
export function usualSpan(spans: readonly IntervalSpan[]): number | undefined {
  const lengths = spans
    .slice(0, -1)
    .map((s) => s.at - s.from)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return undefined;
  const mid = Math.floor(lengths.length / 2);
  return lengths.length % 2 === 1 ? lengths[mid]! : (lengths[mid - 1]! + lengths[mid]!) / 2;
}

/**
 * Folds every stretch shorter than SHORT_INTERVAL_SHARE of `usual` into the stretch before it: counts and
 * latency added, the span widened to cover both, cumulative figures taken at the later end, memory the
 * larger sample. Totals over all stretches are unchanged. A short first stretch has nothing before it and
 * stays. The input is not modified.
 */
export function foldShortSpans(spans: readonly IntervalSpan[], usual: number | undefined = usualSpan(spans)): IntervalSpan[] {
  const folded: IntervalSpan[] = [];
  for (const s of spans) {
    const before = folded[folded.length - 1];
    if (before === undefined || usual === undefined || s.at - s.from >= usual * SHORT_INTERVAL_SHARE) {
      folded.push(s);
      continue;
    }
    const endToEnd = createHistogram();
    endToEnd.add(before.endToEnd);
    endToEnd.add(s.endToEnd);
    folded[folded.length - 1] = {
      from: before.from,
      at: s.at,
      delivered: before.delivered + s.delivered,
      requests: before.requests + s.requests,
      requestsFailed: before.requestsFailed + s.requestsFailed,
      endToEnd,
      failures: s.failures,
      exposureMs: s.exposureMs,
      rss: Math.max(before.rss, s.rss),
      maxInstanceMemory: Math.max(before.maxInstanceMemory, s.maxInstanceMemory),
    };
  }
  return folded;
}

/**
 * A stretch as a report's point: its delivery rate over its whole span, its latency percentiles. The point
 * spans from the previous point's `at` (0 for the first), as folding keeps the stretches end to end.
 */
export function toPoint(s: IntervalSpan): IntervalPoint {
  const span = s.at - s.from;
  const ms = summarize(s.endToEnd);
  return {
    at: s.at,
    deliveredPerSecond: span > 0 ? (s.delivered * 1000) / span : 0,
    p50: ms.p50,
    p99: ms.p99,
    max: ms.max,
    failures: s.failures,
    exposureHours: s.exposureMs / MS_PER_HOUR,
    requests: s.requests,
    requestsFailed: s.requestsFailed,
    rss: s.rss,
    maxInstanceMemory: s.maxInstanceMemory,
  };
}

function sumValues(o: Record<string, number>): number {
  let n = 0;
  for (const v of Object.values(o)) n += v;
  return n;
}
