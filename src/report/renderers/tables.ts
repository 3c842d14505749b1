import { formatCount, formatMs, formatPercent, formatRate } from '../format.js';
import { DEFAULT_LATENCY_LABELS, type CellReport, type ReportModel } from '../model.js';
import { formatDuration, formatSize } from '../../core/units.js';
import type { LinkColumn } from '../../journal/events.js';
import type { LinkTable } from '../link-table.js';
import Table from 'cli-table3';

// The rows the terminal, Markdown and HTML renderers share (latency, delivery, a kind's links), and the GitHub
// table they are laid out in for Markdown: one place decides what a row says, each renderer only how it looks.
/** Text safe inside a GitHub table cell: pipes escaped, no line break, nothing that opens an HTML tag. */
export function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/<(?=[A-Za-z/!?])/g, '&lt;').replace(/\r?\n/g, ' ');
}

function row(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${mdCell(c)} `)).join('|')}|`;
}

/** A GitHub table: header, separator, rows; every cell escaped. */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)];
}

/** The columns of the per-cell latency table; `first` names the first column (terminal tables put the title there). */
export function latencyHead(first = 'cell'): string[] {
  return [first, 'p50', 'p90', 'p99', 'p99.9', 'max', 'records', 'harness lag × speed'];
}

type LatencyKey = 'p50' | 'p90' | 'p99' | 'p99_9' | 'max';

/**
 * The name of the latency the per-cell tables show (each cell's `endToEnd`): `end-to-end`, or the words
 * the cells' system kind gives it (an HTTP load's `corrected (from due time)`), when all cells share them.
 */
export function sharedLatencyLabel(cells: readonly CellReport[]): string {
  const labels = new Set(cells.map((c) => c.latencyLabels.endToEnd));
  const [only] = labels;
  return labels.size === 1 && only !== undefined && only !== DEFAULT_LATENCY_LABELS.endToEnd ? only : 'end-to-end';
}

/** A cell's end-to-end latency figure, marked `*` when harness lag may have distorted it. */
export function latencyFigure(c: CellReport, key: LatencyKey): string {
  return `${formatMs(c.latency.endToEnd[key])}${c.lagDistorted.includes(key) ? '*' : ''}`;
}

/**
 * End-to-end latency per cell, scenario time, beside the worst harness lag in scenario time; a figure
 * that lag may have distorted is marked `*` (the report's notes say which and why).
 */
export function latencyRows(cells: readonly CellReport[]): string[][] {
  return cells.map((c) => {
    const l = c.latency.endToEnd;
    const fig = (key: LatencyKey): string => latencyFigure(c, key);
    const lag = c.harnessLagScenarioMs === undefined ? 'not measured' : formatMs(c.harnessLagScenarioMs);
    return [c.name, fig('p50'), fig('p90'), fig('p99'), fig('p99_9'), fig('max'), formatCount(l.count), lag];
  });
}

export function deliveryHead(first = 'cell'): string[] {
  return [first, 'generated', 'delivered', 'duplicated', 'out of order', 'dropped (declared)', 'lost in failures', 'lost silently', 'delivered per scenario second (load and drain)'];
}

/** The ledger's account per cell. Loss is judged only once a cell has ended: the model says "not judged" before. */
export function deliveryRows(cells: readonly CellReport[]): string[][] {
  return cells.map((c) => {
    const d = c.delivery;
    return [
      c.name,
      formatCount(d.generated),
      `${formatCount(d.delivered)} (${formatPercent(d.delivered, d.generated)})`,
      formatCount(d.duplicated),
      formatCount(d.reordered),
      formatCount(d.dropped),
      d.text.lostInFailures,
      d.text.lost,
      formatRate(d.perScenarioSecond),
    ];
  });
}

/** The heads of the terminal, Markdown and HTML links tables (see link-table.ts), worded by the kind's section. */
export function linkTableHead(t: LinkTable): string[] {
  const b = t.spec.baseline;
  return [
    'cell',
    `${b} p50`,
    `${b} p99`,
    `${b} p99 vs best ${t.comparedAcross ?? 'cell'}`,
    `${b} max`,
    `faulted ${t.spec.noun}`,
    'its p99',
    ...t.spec.counts.map((c) => c.head),
    ...t.spec.system.map((c) => c.head),
  ];
}

/** The columns of linkTableHead that hold numbers (the HTML table aligns them right): all but the cell and the faulted links' names. */
export function linkTableNumericColumns(t: LinkTable): number[] {
  return linkTableHead(t)
    .map((_, i) => i)
    .filter((i) => i !== 0 && i !== 5);
}

/** The words above a links table: the kind's caption, then what a figure marked * means. */
export function linkTableCaption(t: LinkTable): string {
  return `${t.spec.caption} A latency figure marked * may have been distorted by harness lag (lag × speed is at least 10% of it).`;
}

function linkFigure(format: LinkColumn['format'], n: number): string {
  if (format === 'times') return `${n}×`;
  if (format === 'size') return formatSize(n);
  // Whole seconds (a cut-off read from a log is not exact to the ms), `-` for a cut-off that never came.
  if (format === 'duration') return n > 0 ? formatDuration(n < 1000 ? Math.round(n) : Math.round(n / 1000) * 1000) : '-';
  return formatCount(n);
}

export function linkTableRows(t: LinkTable): string[][] {
  return t.rows.map((r) => {
    const faulted = r.faulted;
    const list = (f: (x: (typeof faulted)[number]) => string): string => (faulted.length === 0 ? '-' : faulted.map(f).join('; '));
    const base = (key: 'p50' | 'p99' | 'max'): string => (r.baseline.count > 0 ? `${formatMs(r.baseline[key])}${r.lagDistorted.includes(key) ? '*' : ''}` : '-');
    return [
      r.cell,
      base('p50'),
      base('p99'),
      r.p99Ratio === undefined ? '-' : `×${r.p99Ratio < 10 ? r.p99Ratio.toFixed(1) : formatCount(r.p99Ratio)}`,
      base('max'),
      list((f) => `${f.name} (${f.role})`),
      list((f) => (f.delivered > 0 ? `${formatMs(f.p99)}${f.p99LagDistorted ? '*' : ''}` : 'nothing delivered')),
      ...t.spec.counts.map((col) => list((f) => linkFigure(col.format, f.counts[col.key] ?? 0))),
      ...t.spec.system.map((col) => {
        const v = r.system[col.key];
        return v === undefined ? '-' : linkFigure(col.format, v);
      }),
    ];
  });
}

/** The links table for report.md; nothing when the run has no per-link figures. */
export function linkTableMarkdown(model: ReportModel): string[] {
  const t = model.linkTable;
  if (!t) return [];
  return [`### ${t.spec.heading}`, '', linkTableCaption(t), '', ...mdTable(linkTableHead(t), linkTableRows(t)), ''];
}

/** The links table for the terminal; nothing when the run has no per-link figures. */
export function linkTableTerminal(model: ReportModel, style: { head: string[]; border: string[]; compact: boolean }): string[] {
  const t = model.linkTable;
  if (!t) return [];
  const table = new Table({ head: linkTableHead(t), style });
  for (const row of linkTableRows(t)) table.push(row);
  return [linkTableCaption(t), table.toString()];
}
