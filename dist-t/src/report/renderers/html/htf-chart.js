import { formatHours } from '../../../stats/format-htf.js';
import { STABLE_HOURS } from '../../verdict.js';
import { axes, plotArea } from './frame.js';
import { el, text, title, VERDICT_COLORS } from './svg.js';
import { logScale } from './scale.js';
const WIDTH = 860;
const ROW = 34;
const NAME_WIDTH = 220;
const FIGURE_WIDTH = 200;
/**
 * Hours to failure of every cell on a log scale: a dot at the seed's estimate and a bar over the
 * confidence interval, from the lower bound to the upper one; with no failure (censored) the bar runs
 * off to the right, since the mean could be longer than any figure.
 */
export function htfChart(cells) {
    const height = 44 + Math.max(1, cells.length) * ROW + 34;
    const plot = plotArea(WIDTH, height, { left: NAME_WIDTH, right: FIGURE_WIDTH, top: 44, bottom: 34 });
    const values = cells.flatMap((c) => [c.htf.lower, c.htf.estimate, c.htf.upper ?? c.htf.estimate]).filter((v) => v > 0 && Number.isFinite(v));
    const lo = 10 ** Math.floor(Math.log10(Math.min(1, ...values)));
    const hi = 10 ** Math.ceil(Math.log10(Math.max(lo * 10, ...values.map((v) => v * 1.2))));
    const x = logScale([lo, hi], [plot.left, plot.right]);
    const root = (body) => el('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart wide', role: 'img', 'aria-label': 'Hours to failure of each cell with its confidence bounds', 'data-chart': 'htf' }, body);
    if (cells.length === 0)
        return root(text(WIDTH / 2, height / 2, 'no cells', { class: 'mark empty', 'text-anchor': 'middle' }));
    const parts = [];
    if (STABLE_HOURS > lo && STABLE_HOURS < hi) {
        const sx = x(STABLE_HOURS);
        parts.push(el('line', { x1: sx, x2: sx, y1: plot.top - 6, y2: plot.bottom, class: 'reference' }));
        parts.push(text(sx, plot.top - 10, `${STABLE_HOURS}h: very stable above`, { class: 'caption', 'text-anchor': 'middle' }));
    }
    cells.forEach((c, i) => {
        const cy = plot.top + i * ROW + ROW / 2;
        const color = VERDICT_COLORS[c.verdict.kind].strong;
        const h = c.htf;
        const tip = `${c.name}: ${c.verdict.words}, ${h.figure}, ${h.lowerText}${h.upperText ? `, ${h.upperText}` : ''} (scenario hours; ${c.failureSummary})`;
        const row = [text(plot.left - 10, cy + 4, c.name, { class: 'row-label', 'text-anchor': 'end' })];
        const x0 = x(h.lower);
        if (h.censored) {
            row.push(el('path', { d: `M${x0} ${cy}L${plot.right - 8} ${cy}`, stroke: color, class: 'mark interval', 'stroke-dasharray': '6 3' }));
            row.push(el('path', { d: `M${plot.right} ${cy}L${plot.right - 9} ${cy - 5}L${plot.right - 9} ${cy + 5}Z`, fill: color }));
            row.push(el('circle', { cx: x(h.estimate), cy, r: 5.5, fill: '#fff', stroke: color, 'stroke-width': 2.5, class: 'mark estimate' }));
        }
        else {
            const x1 = x(h.upper ?? h.estimate);
            row.push(el('path', { d: `M${x0} ${cy}L${Math.max(x1, x0 + 1)} ${cy}`, stroke: color, class: 'mark interval' }));
            row.push(el('path', { d: `M${x1} ${cy - 7}L${x1} ${cy + 7}`, stroke: color, 'stroke-width': 2 }));
            row.push(el('circle', { cx: x(h.estimate), cy, r: 5.5, fill: color, class: 'mark estimate' }));
        }
        row.push(el('path', { d: `M${x0} ${cy - 7}L${x0} ${cy + 7}`, stroke: color, 'stroke-width': 2 }));
        row.push(text(plot.right + 12, cy - 1, `${h.figure}, ${h.lowerText}`, { class: 'figure', fill: color }));
        row.push(text(plot.right + 12, cy + 11, h.upperText ?? 'no failure: no upper bound', { class: 'figure-sub' }));
        row.push(el('rect', { x: 0, y: cy - ROW / 2, width: WIDTH, height: ROW, class: 'hit', 'data-tip': tip }, title(tip)));
        parts.push(el('g', { class: 'htf-row', 'data-cell': c.name }, ...row));
    });
    return root(axes(plot, x, formatHours, undefined, String, { x: 'scenario hours (log scale)' }) + el('g', { class: 'marks' }, ...parts));
}
//# sourceMappingURL=htf-chart.js.map