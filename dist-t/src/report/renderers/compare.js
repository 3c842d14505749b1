import { formatP } from '../compare.js';
import { formatMs, modeCount } from '../format.js';
import { mdCell as cell, mdTable } from './tables.js';
import Table from 'cli-table3';
// `duress compare` laid out: the rows of a comparison, as a terminal table and as a GitHub table.
function modes(s) {
    return s.failures === 0 ? '0' : `${s.failures} (${s.byMode.map((m) => modeCount(m.mode, m.failures)).join(', ')})`;
}
function shift(relative, absolute) {
    const sign = absolute > 0 ? '+' : absolute < 0 ? '−' : '±';
    const rel = relative === undefined ? '' : ` (${sign}${Math.abs(relative * 100).toFixed(relative !== 0 && Math.abs(relative) < 0.1 ? 1 : 0)}%)`;
    return `${sign}${formatMs(Math.abs(absolute))}${rel}`;
}
/** The comparison as a table: a row per figure, columns baseline, candidate, difference. Shared by the terminal and Markdown. */
export function comparisonRows(c) {
    const b = c.baseline;
    const k = c.candidate;
    const r = c.rates;
    const ratio = r.ratio === undefined ? '-' : `${Number.isFinite(r.ratio) ? Number(r.ratio.toPrecision(3)) : '∞'} (${Math.round(c.confidence * 100)}% CI ${Number(r.ratioLower.toPrecision(2))} to ${Number.isFinite(r.ratioUpper) ? Number(r.ratioUpper.toPrecision(2)) : '∞'})`;
    const rows = [
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
/** `duress compare --format markdown`: the comparison as a GitHub table, for a pull request. */
export function renderComparisonMarkdown(c) {
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
/** `duress compare` on a terminal: the comparison table, then the verdict. */
export function renderComparisonTerminal(c, options = {}) {
    const { head, rows } = comparisonRows(c);
    const table = new Table({ head, style: { head: options.color ? ['cyan'] : [], border: [], compact: true }, colWidths: [null, 40, 40, 48], wordWrap: true });
    for (const row of rows)
        table.push(row);
    return `duress compare: candidate ${c.candidate.label} (${c.candidate.source}) against baseline ${c.baseline.label} (${c.baseline.source})\n${table.toString()}\nverdict: ${c.verdict}\n` +
        'hours are scenario hours; bounds are one-sided; latency is scenario time\n';
}
//# sourceMappingURL=compare.js.map