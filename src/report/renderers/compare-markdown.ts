import type { Comparison } from '../compare.js';
import { comparisonRows } from './compare-rows.js';
import { mdCell as cell, mdTable } from './markdown-table.js';

/** `duress compare --format markdown`: the comparison as a GitHub table, for a pull request. */
export function renderComparisonMarkdown(c: Comparison): string {
  const { head, rows } = comparisonRows(c);
  return [
    `## duress compare: ${cell(c.candidate.label)} against ${cell(c.baseline.label)}`,
    '',
    `**Verdict: ${cell(c.verdict)}.**`,
    '',
    ...mdTable(head, rows),
    '',
    `<sub>Baseline ${cell(c.baseline.source)}, candidate ${cell(c.candidate.source)}. Hours are scenario hours; bounds are one-sided; latency is end to end, scenario time, from the merged histograms.</sub>`,
    '',
  ].join('\n');
}
