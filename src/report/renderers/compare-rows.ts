import type { Comparison, ComparisonSide } from '../compare.js';
import { formatP } from '../compare.js';
import { formatMs } from '../format.js';
import { modeCount } from '../mode-count.js';

function modes(s: ComparisonSide): string {
  return s.failures === 0 ? '0' : `${s.failures} (${s.byMode.map((m) => modeCount(m.mode, m.failures)).join(', ')})`;
}

function shift(relative: number | undefined, absolute: number): string {
  const sign = absolute > 0 ? '+' : absolute < 0 ? '−' : '±';
  const rel = relative === undefined ? '' : ` (${sign}${Math.abs(relative * 100).toFixed(relative !== 0 && Math.abs(relative) < 0.1 ? 1 : 0)}%)`;
  return `${sign}${formatMs(Math.abs(absolute))}${rel}`;
}

/** The comparison as a table: a row per figure, columns baseline, candidate, difference. Shared by the terminal and Markdown. */
export function comparisonRows(c: Comparison): { head: string[]; rows: string[][] } {
  const b = c.baseline;
  const k = c.candidate;
  const r = c.rates;
  const ratio = r.ratio === undefined ? '-' : `${Number.isFinite(r.ratio) ? Number(r.ratio.toPrecision(3)) : '∞'} (${Math.round(c.confidence * 100)}% CI ${Number(r.ratioLower.toPrecision(2))} to ${Number.isFinite(r.ratioUpper) ? Number(r.ratioUpper.toPrecision(2)) : '∞'})`;
  const rows: string[][] = [
    ['cells', b.cells.join('; '), k.cells.join('; '), ''],
    ['exposure (scenario hours)', b.exposureHours.toPrecision(4), k.exposureHours.toPrecision(4), ''],
    ['failures', modes(b), modes(k), `rate ratio candidate / baseline: ${ratio}`],
    ['failures per 1000 scenario hours', (r.rateB * 1000).toPrecision(3), (r.rateA * 1000).toPrecision(3), `exact conditional test: ${formatP(r.pTwoSided)} (two-sided)`],
    ['hours to failure', b.htf.figure, k.htf.figure, ''],
    ['lower bound', b.htf.lowerText, k.htf.lowerText, ''],
    ['upper bound', b.htf.upperText ?? '- (no failure)', k.htf.upperText ?? '- (no failure)', ''],
    ...c.latency.map((s) => [`latency ${s.percentile.replace('_', '.')} (end to end)`, formatMs(s.a), formatMs(s.b), shift(s.relative, s.absolute)]),
  ];
  return { head: ['', `baseline: ${b.label}`, `candidate: ${k.label}`, 'difference'], rows };
}
