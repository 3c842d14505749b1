import Table from 'cli-table3';
import type { Comparison } from '../compare.js';
import { comparisonRows } from './compare-rows.js';

/** `duress compare` on a terminal: the comparison table, then the verdict. */
export function renderComparisonTerminal(c: Comparison, options: { color?: boolean } = {}): string {
  const { head, rows } = comparisonRows(c);
  const table = new Table({ head, style: { head: options.color ? ['cyan'] : [], border: [], compact: true }, colWidths: [null, 40, 40, 48] as unknown as number[], wordWrap: true });
  for (const row of rows) table.push(row);
  return `duress compare: candidate ${c.candidate.label} (${c.candidate.source}) against baseline ${c.baseline.label} (${c.baseline.source})\n${table.toString()}\nverdict: ${c.verdict}\n` +
    'hours are scenario hours; bounds are one-sided; latency is scenario time\n';
}
