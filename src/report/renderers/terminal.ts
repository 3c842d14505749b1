import Table from 'cli-table3';
import { formatCount, formatMs, formatPercent, formatRate } from '../format.js';
import type { CellReport, ReportModel } from '../model.js';
import type { Renderer } from './registry.js';
import { deliveryHead, deliveryRows, latencyFigure, latencyHead, latencyRows, linkTableTerminal, sharedLatencyLabel } from './tables.js';

/** Failures listed in full at most; the rest are counted. */
const MAX_FAILURES_LISTED = 12;

type Style = { head: string[]; border: string[]; compact: boolean };

/** What `duress run` prints: the stability matrix, per-cell figures, failures and thresholds (cli-table3). */
export const renderTerminal: Renderer = (model, options = {}) => {
  const style: Style = { head: options.color ? ['cyan'] : [], border: [], compact: true };
  const out: string[] = [];
  const { run, scenario, cells } = model;
  out.push(
    `duress: ${scenario.name} — ${cells.length} cell${cells.length === 1 ? '' : 's'}, ${run.instances} instance${run.instances === 1 ? '' : 's'}, ` +
      `${formatMs(scenario.durationMs)} of scenario time per cell at speed ${run.speed}x (${formatMs(run.wallMs)} wall), seed ${scenario.seed}`,
  );
  out.push(...run.notes, model.harness.lagLine);

  if (model.matrix.columnDimension !== undefined) out.push(matrixTable(model, style));

  const conf = `${Math.round(scenario.confidence * 1000) / 10}%`;
  const stability = new Table({
    head: ['cell', 'verdict', 'exposure (scenario h)', 'failures', 'hours to failure', `lower bound (${conf})`, 'dominant', 'delivered', 'lost (all)', 'p50', 'p99'],
    style,
  });
  for (const c of cells) {
    const d = c.delivery;
    stability.push([
      c.name,
      c.verdict.words,
      c.exposureHours.toFixed(c.exposureHours < 10 ? 2 : 1),
      formatCount(c.failureCount),
      c.htf.figure,
      c.htf.lowerText.replace(/ at .*$/, ''),
      c.dominantMode ?? '-',
      formatPercent(d.delivered, d.generated),
      d.text.lostAll,
      latencyFigure(c, 'p50'),
      latencyFigure(c, 'p99'),
    ]);
  }
  out.push(stability.toString());
  if (cells.length === 1) out.push(...cellDetail(cells[0]!, style));
  else out.push(...cellsDetail(cells, style));
  out.push(...linkTableTerminal(model, style));

  // With one cell (a fault tour), say what each fault did; with a matrix that is in report.md.
  if (cells.length === 1 && cells[0]!.faultImpact.length > 0) out.push(...faultImpactTable(cells[0]!, style));

  if (model.failures.length > 0) {
    const list = new Table({ head: ['cell', 'at (scenario)', 'instance', 'mode', 'what was seen', 'faults active'], style, colWidths: [null, null, null, null, 50, 40] as unknown as number[], wordWrap: true });
    for (const f of model.failures.slice(0, MAX_FAILURES_LISTED)) list.push([f.cell, formatMs(f.at), f.instance, f.mode, f.evidence, f.faults.join('; ') || '-']);
    out.push(list.toString());
    if (model.failures.length > MAX_FAILURES_LISTED) out.push(`… and ${model.failures.length - MAX_FAILURES_LISTED} more failures in results.json`);
  }

  if (model.thresholds.length > 0) {
    const t = new Table({ head: ['threshold', 'measured', 'needs', 'result'], style, colWidths: [null, null, null, 50] as unknown as number[], wordWrap: true });
    for (const o of model.thresholds) t.push([o.expression, o.measuredText, o.requirement, o.passed ? 'passed' : `FAILED: ${o.reason ?? ''}`]);
    out.push(t.toString());
    out.push(`thresholds: ${model.thresholdSummary ?? ''}`);
  }
  out.push(`hours are scenario hours (instance running time summed); bounds are one-sided at ${conf}`);
  return out.join('\n') + '\n';
};

function matrixTable(model: ReportModel, style: Style): string {
  const m = model.matrix;
  const table = new Table({ head: ['', ...m.columns.map((c) => c.label)], style });
  for (const row of m.rows) {
    table.push([row.label, ...row.cells.map((i) => (i === undefined ? 'not run' : model.cells[i]!.text))]);
  }
  return table.toString();
}

function cellDetail(c: CellReport, style: Style): string[] {
  const out: string[] = [];
  const e2e = c.latency.endToEnd;
  const req = c.latency.request;
  const lat = new Table({ head: ['latency (scenario time)', 'p50', 'p90', 'p99', 'p99.9', 'max', 'count'], style });
  lat.push([c.latencyLabels.endToEnd, latencyFigure(c, 'p50'), latencyFigure(c, 'p90'), latencyFigure(c, 'p99'), latencyFigure(c, 'p99_9'), latencyFigure(c, 'max'), formatCount(e2e.count)]);
  lat.push([c.latencyLabels.request, formatMs(req.p50), formatMs(req.p90), formatMs(req.p99), formatMs(req.p99_9), formatMs(req.max), formatCount(req.count)]);
  out.push(lat.toString());

  const d = c.delivery;
  const del = new Table({ head: ['records', 'count', 'of generated'], style });
  del.push(['generated', formatCount(d.generated), '']);
  del.push(['delivered', formatCount(d.delivered), formatPercent(d.delivered, d.generated)]);
  del.push(['duplicated', formatCount(d.duplicated), formatPercent(d.duplicated, d.generated)]);
  del.push(['out of order', formatCount(d.reordered), formatPercent(d.reordered, d.generated)]);
  del.push(['dropped (declared)', formatCount(d.dropped), formatPercent(d.dropped, d.generated)]);
  if (d.undrained > 0) del.push(['still held at the end', formatCount(d.undrained), formatPercent(d.undrained, d.generated)]);
  if (d.lostInFailures === null || d.lostInFailures > 0) del.push(['lost in failures', d.text.lostInFailures, d.lostInFailures === null ? '' : formatPercent(d.lostInFailures, d.generated)]);
  del.push(['lost silently', d.text.lost, d.lost === null ? '' : formatPercent(d.lost, d.generated)]);
  del.push(['throughput, delivered (load and drain)', `${formatRate(d.perScenarioSecond)} scenario`, `${formatRate(d.perWallSecond)} wall`]);
  out.push(del.toString());

  if (c.requests.length > 0) {
    const reqs = new Table({ head: ['requests by outcome', 'count'], style });
    for (const r of c.requests) reqs.push([r.outcome, formatCount(r.count)]);
    out.push(reqs.toString());
  }
  return out;
}

function cellsDetail(cells: readonly CellReport[], style: Style): string[] {
  const lat = new Table({ head: latencyHead(`${sharedLatencyLabel(cells)} latency (scenario time)`), style });
  lat.push(...latencyRows(cells));
  const del = new Table({ head: deliveryHead('records'), style });
  del.push(...deliveryRows(cells));
  return [lat.toString(), del.toString()];
}

const MAX_FAULTS_LISTED = 30;

function faultImpactTable(c: CellReport, style: Style): string[] {
  const t = new Table({
    head: ['fault (scenario time)', 'instances', 'p99 before → during', 'delivered/s before → during', 'failed requests', 'failures'],
    style,
  });
  const arrow = (a: string, b: string): string => `${a} → ${b}`;
  const ms = (x: number | undefined): string => (x === undefined ? '-' : formatMs(x));
  const rate = (x: number | undefined): string => (x === undefined ? '-' : x.toFixed(x < 100 ? 1 : 0));
  for (const f of c.faultImpact.slice(0, MAX_FAULTS_LISTED)) {
    const when = `${formatMs(f.start)}${f.end === undefined ? '…' : f.end > f.start ? `–${formatMs(f.end)}` : ''}`;
    t.push([
      `${f.description}, ${when}${f.error ? ` (${f.error})` : ''}`,
      f.slots.length === c.instances ? 'all' : f.slots.join(','),
      arrow(ms(f.p99Before), ms(f.p99During)),
      arrow(rate(f.deliveredPerSecondBefore), rate(f.deliveredPerSecondDuring)),
      formatCount(f.failedRequestsDuring),
      formatCount(f.failuresDuring),
    ]);
  }
  const out = ['what each fault did (figures of the metrics intervals it overlapped):', t.toString()];
  if (c.faultImpact.length > MAX_FAULTS_LISTED) out.push(`… and ${c.faultImpact.length - MAX_FAULTS_LISTED} more faults in report.md`);
  return out;
}
