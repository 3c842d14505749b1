import Table from 'cli-table3';
import { formatHtf, formatHtfBound } from '../stats/format-htf.js';
import { formatCount, formatMs, formatPercent, formatRate } from './format.js';
import type { CellResults, RunResults } from './results.js';

/** Failures listed in full at most; the rest are counted. */
const MAX_FAILURES_LISTED = 12;

/** The summary `duress run` prints: a pure function of the results, returning the text. */
export function renderTerminalSummary(r: RunResults, options: { color?: boolean } = {}): string {
  const style = { head: options.color ? ['cyan'] : [], border: [] as string[], compact: true };
  const out: string[] = [];
  const { run } = r;
  const cells = r.cells;
  const instances = cells.reduce((n, c) => n + c.instances, 0);
  out.push(
    `duress: ${r.scenario.name} — ${cells.length} cell${cells.length === 1 ? '' : 's'}, ${instances} instance${instances === 1 ? '' : 's'}, ` +
      `${formatMs(r.scenario.duration)} of scenario time per cell at speed ${run.speed}x (${formatMs(run.wallMs)} wall), seed ${r.scenario.seed}`,
  );
  if (run.interrupted) out.push(`interrupted (${run.interrupted}): these are the results of what ran`);
  if (!run.complete) out.push('the journal ends before the run did: figures are as of the last interval, and loss was not judged');

  const conf = Math.round(r.scenario.confidence * 100);
  const stability = new Table({
    head: ['cell', 'exposure (scenario h)', 'failures', 'hours to failure', `lower bound (${conf}%)`, 'dominant', 'delivered', 'lost', 'p50', 'p99'],
    style,
  });
  for (const c of cells) {
    const lost = c.deliveryFinal ? formatCount(c.delivery.lost + c.delivery.lostInFailures) : '?';
    stability.push([
      c.name,
      c.exposureHours.toFixed(c.exposureHours < 10 ? 2 : 1),
      formatCount(c.failures.length),
      formatHtf(c.htf.overall),
      formatHtfBound(c.htf.overall) ?? '-',
      c.htf.dominant ?? '-',
      formatPercent(c.delivery.delivered, c.delivery.generated),
      lost,
      formatMs(c.latency.endToEnd.p50),
      formatMs(c.latency.endToEnd.p99),
    ]);
  }
  out.push(stability.toString());
  if (cells.length === 1) out.push(...cellDetail(cells[0]!, style, run.wallMs));

  const failures = cells.flatMap((c) => c.failures.map((f) => ({ cell: c.name, f })));
  if (failures.length > 0) {
    const list = new Table({ head: ['cell', 'at (scenario)', 'instance', 'mode', 'what was seen', 'faults active'], style, colWidths: [null, null, null, null, 50, 40] as unknown as number[], wordWrap: true });
    for (const { cell, f } of failures.slice(0, MAX_FAILURES_LISTED)) {
      list.push([cell, formatMs(f.at), f.id, f.mode, describeEvidence(f.evidence), f.faults.map((x) => x.description).join('; ') || '-']);
    }
    out.push(list.toString());
    if (failures.length > MAX_FAILURES_LISTED) out.push(`… and ${failures.length - MAX_FAILURES_LISTED} more failures in results.json`);
  }
  return out.join('\n') + '\n';
}

function cellDetail(c: CellResults, style: { head: string[]; border: string[]; compact: boolean }, wallMs: number): string[] {
  const out: string[] = [];
  const e2e = c.latency.endToEnd;
  const req = c.latency.request;
  const lat = new Table({ head: ['latency (scenario time)', 'p50', 'p90', 'p99', 'p99.9', 'max', 'count'], style });
  lat.push(['end to end (from scheduled generation)', formatMs(e2e.p50), formatMs(e2e.p90), formatMs(e2e.p99), formatMs(e2e.p99_9), formatMs(e2e.max), formatCount(e2e.count)]);
  lat.push(['output request', formatMs(req.p50), formatMs(req.p90), formatMs(req.p99), formatMs(req.p99_9), formatMs(req.max), formatCount(req.count)]);
  out.push(lat.toString());

  const d = c.delivery;
  const del = new Table({ head: ['records', 'count', 'of generated'], style });
  del.push(['generated', formatCount(d.generated), '']);
  del.push(['delivered', formatCount(d.delivered), formatPercent(d.delivered, d.generated)]);
  del.push(['duplicated', formatCount(d.duplicated), formatPercent(d.duplicated, d.generated)]);
  del.push(['out of order', formatCount(d.reordered), formatPercent(d.reordered, d.generated)]);
  del.push(['dropped (declared)', formatCount(d.dropped), formatPercent(d.dropped, d.generated)]);
  if (d.undrained > 0) del.push(['still held at the end', formatCount(d.undrained), formatPercent(d.undrained, d.generated)]);
  if (d.lostInFailures > 0) del.push(['lost in failures', formatCount(d.lostInFailures), formatPercent(d.lostInFailures, d.generated)]);
  del.push(['lost (silently)', c.deliveryFinal ? formatCount(d.lost) : 'not judged', c.deliveryFinal ? formatPercent(d.lost, d.generated) : '']);
  const scenarioSeconds = c.scenarioMs / 1000;
  del.push(['throughput, delivered', `${formatRate(d.delivered / scenarioSeconds)} scenario`, `${formatRate(d.delivered / (wallMs / 1000))} wall`]);
  out.push(del.toString());

  const outcomes = Object.entries(c.requests).sort((a, b) => b[1] - a[1]);
  if (outcomes.length > 0) {
    const reqs = new Table({ head: ['requests by outcome', 'count'], style });
    for (const [k, v] of outcomes) reqs.push([k.replaceAll('_', ' '), formatCount(v)]);
    out.push(reqs.toString());
  }
  return out;
}

/** One line for a failure's evidence: its reason or error, the rest left to results.json. */
export function describeEvidence(e: Record<string, unknown>): string {
  for (const key of ['reason', 'error']) if (typeof e[key] === 'string') return String(e[key]).split('\n')[0]!;
  if (typeof e.exitCode === 'number') return `exited with code ${e.exitCode}`;
  if (typeof e.lostRecords === 'number') return `${formatCount(e.lostRecords)} records lost silently`;
  if (typeof e.heapUsed === 'number') return `heap ${formatCount(Number(e.heapUsed) / 2 ** 20)} MB over the limit`;
  return JSON.stringify(e).slice(0, 80);
}
