import { formatCount, formatMs, formatPercent, formatRate } from '../format.js';
import type { CellReport, ReportModel } from '../model.js';
import { formatSize } from '../../core/units.js';
import type { SubscriberTable } from '../subscriber-table.js';
import Table from 'cli-table3';

// The rows the terminal, Markdown and HTML renderers share (latency, delivery, subscribers), and the GitHub
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
  return [first, 'generated', 'delivered', 'duplicated', 'out of order', 'dropped (declared)', 'lost in failures', 'lost silently', 'delivered per scenario second'];
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

/** The heads of the terminal and Markdown tables of a broker's subscribers (see subscriber-table.ts). */
export function subscriberTableHead(t: SubscriberTable): string[] {
  return [
    'cell',
    'fast p50',
    'fast p99',
    `fast p99 vs best ${t.comparedAcross ?? 'cell'}`,
    'fast max',
    'faulted subscriber',
    'its p99',
    'dropped',
    'lost to cut-off',
    'cut off',
    'peak queued',
    'peak memory',
  ];
}

export const SUBSCRIBER_TABLE_TITLE =
  'Fast subscribers (no fault on their link): end-to-end latency, scenario time; beside it, the faulted subscribers and the broker\'s memory (per instance). ' +
  'A latency figure marked * may have been distorted by harness lag (lag × speed is at least 10% of it).';

export function subscriberTableRows(t: SubscriberTable): string[][] {
  return t.rows.map((r) => {
    const faulted = r.faulted;
    const list = (f: (x: (typeof faulted)[number]) => string): string => (faulted.length === 0 ? '-' : faulted.map(f).join('; '));
    const fast = (key: 'p50' | 'p99' | 'max'): string => (r.fast.count > 0 ? `${formatMs(r.fast[key])}${r.lagDistorted.includes(key) ? '*' : ''}` : '-');
    return [
      r.cell,
      fast('p50'),
      fast('p99'),
      r.p99Ratio === undefined ? '-' : `×${r.p99Ratio < 10 ? r.p99Ratio.toFixed(1) : formatCount(r.p99Ratio)}`,
      fast('max'),
      list((f) => `${f.name} (${f.role})`),
      list((f) => (f.delivered > 0 ? `${formatMs(f.p99)}${f.p99LagDistorted ? '*' : ''}` : 'nothing delivered')),
      list((f) => formatCount(f.dropped)),
      list((f) => formatCount(f.cut)),
      list((f) => `${f.disconnected}×`),
      r.peakQueuedBytes === undefined ? '-' : formatSize(r.peakQueuedBytes),
      r.peakMemory === undefined ? '-' : formatSize(r.peakMemory),
    ];
  });
}

/** The broker's subscriber table for report.md; nothing when the run has no subscriber figures. */
export function subscriberTableMarkdown(model: ReportModel): string[] {
  if (!model.subscribers) return [];
  return ['### Fast subscribers', '', SUBSCRIBER_TABLE_TITLE, '', ...mdTable(subscriberTableHead(model.subscribers), subscriberTableRows(model.subscribers)), ''];
}

/** The broker's subscriber table for the terminal; nothing when the run has no subscriber figures. */
export function subscriberTableTerminal(model: ReportModel, style: { head: string[]; border: string[]; compact: boolean }): string[] {
  if (!model.subscribers) return [];
  const t = new Table({ head: subscriberTableHead(model.subscribers), style });
  for (const row of subscriberTableRows(model.subscribers)) t.push(row);
  return [SUBSCRIBER_TABLE_TITLE, t.toString()];
}
