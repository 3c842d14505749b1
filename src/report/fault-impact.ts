import type { FaultRecord, IntervalPoint } from '../results/results.js';

/** What one fault occurrence did, read from the metrics intervals around it. */
export interface FaultImpact {
  id: string;
  description: string;
  slots: number[];
  /** Scenario ms since the cell's start. */
  start: number;
  end: number | undefined;
  /** Worst interval p99 end-to-end latency during the fault, and in the interval just before it (scenario ms). */
  p99Before: number | undefined;
  p99During: number | undefined;
  /** Records first delivered per scenario second: the interval before, and over the intervals during the fault (their deliveries over their spans). */
  deliveredPerSecondBefore: number | undefined;
  deliveredPerSecondDuring: number | undefined;
  /** Output requests that did not succeed during the fault (retries follow from these). */
  failedRequestsDuring: number;
  /** Failures declared during the fault (on any instance of the cell). */
  failuresDuring: number;
  error: string | undefined;
}

/**
 * Ties each fault occurrence to the metrics intervals it overlaps, so a report can say what the fault
 * did. An interval ending at `at` covers (previous at, at]; it overlaps a fault when the two meet at all.
 * The figures are as fine as the metrics interval: a fault shorter than an interval is blurred into it.
 */
export function faultImpacts(faults: readonly FaultRecord[], overTime: readonly IntervalPoint[]): FaultImpact[] {
  return faults.map((f) => {
    const end = f.end ?? Number.POSITIVE_INFINITY;
    const during: { point: IntervalPoint; span: number }[] = [];
    let before: IntervalPoint | undefined;
    let previousAt = 0;
    let failuresAtStart: number | undefined;
    let failuresAtEnd = 0;
    for (const p of overTime) {
      const from = previousAt;
      previousAt = p.at;
      if (p.at <= f.start) {
        before = p;
        continue;
      }
      if (from >= end && f.end !== f.start) break;
      during.push({ point: p, span: p.at - from });
      failuresAtStart ??= before?.failures ?? 0;
      failuresAtEnd = p.failures;
      if (p.at >= end) break;
    }
    const max = (xs: number[]): number | undefined => (xs.length ? Math.max(...xs) : undefined);
    const spanned = during.reduce((t, d) => t + d.span, 0);
    return {
      id: f.id,
      description: f.description,
      slots: f.slots,
      start: f.start,
      end: f.end,
      p99Before: before?.p99,
      p99During: max(during.map((d) => d.point.p99)),
      deliveredPerSecondBefore: before?.deliveredPerSecond,
      // Weighted by span: records delivered during those intervals over the time they cover.
      deliveredPerSecondDuring: during.length === 0 ? undefined : spanned > 0 ? during.reduce((t, d) => t + d.point.deliveredPerSecond * d.span, 0) / spanned : 0,
      failedRequestsDuring: during.reduce((n, d) => n + (d.point.requestsFailed ?? 0), 0),
      failuresDuring: Math.max(0, failuresAtEnd - (failuresAtStart ?? failuresAtEnd)),
      error: f.error,
    };
  });
}
