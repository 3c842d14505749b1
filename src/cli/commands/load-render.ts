import Table from 'cli-table3';
import { decodeHistogram, summarize, type LatencySummary } from '../../metrics/histogram.js';
import { formatCount, formatMs, formatRate } from '../../report/format.js';
import type { LoadCounts, LoadProgress, LoadResult } from '../../systems/http/load-options.js';
import type { ThresholdResult } from '../../stats/thresholds.js';

/** What `duress load` reports, derived once from a LoadResult: for the table, the JSON and the thresholds. */
export interface LoadSummary extends LoadCounts {
  model: 'open' | 'closed';
  elapsedMs: number;
  /** Complete responses per second of elapsed time. */
  requestsPerSecond: number;
  /** From the due time; open model only. */
  corrected?: LatencySummary;
  /** From the send. */
  uncorrected: LatencySummary;
  /** From the due time to the send (LoadResult.sendLateness): the part of `corrected` before the send; open model only. */
  sentLate?: LatencySummary;
}

export function summarizeLoad(r: LoadResult): LoadSummary {
  return {
    model: r.model,
    elapsedMs: r.elapsedMs,
    requestsPerSecond: r.elapsedMs > 0 ? (r.responses * 1000) / r.elapsedMs : 0,
    due: r.due,
    sent: r.sent,
    responses: r.responses,
    shortfall: r.shortfall,
    bytesReceived: r.bytesReceived,
    statuses: r.statuses,
    errors: r.errors,
    ...(r.corrected !== undefined ? { corrected: summarize(decodeHistogram(r.corrected)) } : {}),
    uncorrected: summarize(decodeHistogram(r.uncorrected)),
    ...(r.sendLateness !== undefined ? { sentLate: summarize(decodeHistogram(r.sendLateness)) } : {}),
  };
}

const LATENCY_COLUMNS: [string, keyof LatencySummary][] = [
  ['p50', 'p50'],
  ['p90', 'p90'],
  ['p99', 'p99'],
  ['p99.9', 'p99_9'],
  ['mean', 'mean'],
  ['max', 'max'],
];

/** The result as autocannon prints it: latency first (both figures, labelled), then counts. */
export function renderLoadTable(s: LoadSummary, target: string): string {
  const style = { head: [], border: [] };
  const latency = new Table({ head: ['Latency', ...LATENCY_COLUMNS.map(([name]) => name)], style });
  const row = (label: string, l: LatencySummary): string[] => [label, ...LATENCY_COLUMNS.map(([, key]) => formatMs(l[key]))];
  if (s.corrected) latency.push(row('corrected (from due time)', s.corrected));
  latency.push(row(s.corrected ? 'uncorrected (from send)' : 'from send (closed model)', s.uncorrected));
  if (s.sentLate) latency.push(row('sent late (due → send)', s.sentLate));
  const counts = new Table({ style });
  const join = (m: Record<string, number>): string =>
    Object.entries(m)
      .map(([k, v]) => `${k}: ${formatCount(v)}`)
      .join(', ') || 'none';
  counts.push(
    ['Requests/s (responses)', formatRate(s.requestsPerSecond)],
    ...(s.model === 'open' ? [['Due (schedule)', formatCount(s.due)]] : []),
    ['Sent', formatCount(s.sent)],
    ['Responses', formatCount(s.responses)],
    ['Statuses', join(s.statuses)],
    ['Errors', join(s.errors)],
    ['Shortfall (due, never sent)', formatCount(s.shortfall)],
    ['Body bytes received', formatCount(s.bytesReceived)],
  );
  const model = s.model === 'open' ? 'open model: latency corrected for coordinated omission' : 'closed model: no schedule, latency from send only';
  const warning =
    s.shortfall > 0
      ? `warning: ${formatCount(s.shortfall)} of ${formatCount(s.due)} requests were due and never sent (every connection was busy, or the generator fell behind): the latency above covers only what was sent; more --connections or --workers may help\n`
      : '';
  return `${target} for ${formatMs(s.elapsedMs)} (${model})\n${latency.toString()}\n${counts.toString()}\n${warning}`;
}

export function renderThresholds(results: readonly ThresholdResult[]): string {
  return results.map((r) => `${r.passed ? 'pass' : 'FAIL'}  ${r.expression}${r.reason ? `  (${r.reason})` : ''}\n`).join('');
}

export function progressLine(p: LoadProgress): string {
  const backlog = p.backlog > 0 ? `, ${formatCount(p.backlog)} due unsent` : '';
  return `${(p.elapsedMs / 1000).toFixed(0)}s: ${formatCount(p.sent)} sent, ${formatCount(p.completed)} responses, ${formatCount(p.errors)} errors${backlog}`;
}
