import { formatMs, formatRate } from '../../format.js';
import { axes, legend, plotArea } from './frame.js';
import { el, linePath, SERIES, text, title } from './svg.js';
import { linearScale, niceTicks, rateLabel, timeLabeler, timeTicks } from './scale.js';
const WIDTH = 560;
const THROUGHPUT_HEIGHT = 130;
const LANE = 18;
const LANE_LABEL = 112;
/**
 * Throughput (records first delivered per scenario second, per interval) above the fault timeline: one
 * lane per fault kind with a bar per occurrence, and a lane of failures, all on the same time axis.
 */
export function timelineChart(cell, failures, faultColor) {
    const kinds = [...new Set(cell.faults.map((f) => f.kind))];
    const lanes = kinds.length + (failures.length > 0 ? 1 : 0);
    const laneTop = 30 + THROUGHPUT_HEIGHT + 26;
    const height = laneTop + Math.max(1, lanes) * LANE + 34;
    const plot = plotArea(WIDTH, height, { left: LANE_LABEL + 12, right: 14, top: 30, bottom: 34 });
    const maxAt = Math.max(1, cell.scenarioMs, ...cell.overTime.map((p) => p.at), ...cell.faults.map((f) => f.end ?? f.start), ...failures.map((f) => f.at));
    const x = linearScale([0, maxAt], [plot.left, plot.right], timeTicks(maxAt));
    const tpBottom = plot.top + THROUGHPUT_HEIGHT;
    const ticks = niceTicks(Math.max(1, ...cell.overTime.map((p) => p.deliveredPerSecond)), 3);
    const y = linearScale([0, ticks[ticks.length - 1]], [tpBottom, plot.top], ticks);
    const marks = [];
    const points = cell.overTime;
    if (points.length > 0) {
        // Each interval's rate holds over the interval: a step line from the previous point.
        const steps = [];
        let from = 0;
        for (const p of points) {
            steps.push([x(from), y(p.deliveredPerSecond)], [x(p.at), y(p.deliveredPerSecond)]);
            from = p.at;
        }
        const area = `${linePath(steps)}L${x(from)} ${tpBottom}L${x(0)} ${tpBottom}Z`;
        marks.push(el('path', { d: area, class: 'area', fill: SERIES.throughput }));
        marks.push(el('path', { d: linePath(steps), class: 'mark series', stroke: SERIES.throughput }));
        let start = 0;
        for (const p of points) {
            const tip = `${formatRate(p.deliveredPerSecond)} delivered (scenario), ${formatMs(start)} to ${formatMs(p.at)}`;
            marks.push(el('rect', { x: x(start), y: plot.top, width: Math.max(1, x(p.at) - x(start)), height: THROUGHPUT_HEIGHT, class: 'hit', 'data-tip': tip }, title(tip)));
            start = p.at;
        }
    }
    else {
        marks.push(text((plot.left + plot.right) / 2, plot.top + THROUGHPUT_HEIGHT / 2, 'no metrics interval was recorded', { class: 'mark empty', 'text-anchor': 'middle' }));
    }
    const laneY = (i) => laneTop + i * LANE;
    const labels = [];
    kinds.forEach((kind, i) => {
        labels.push(text(plot.left - 6, laneY(i) + 12, shorten(kind), { class: 'lane', 'text-anchor': 'end' }));
        for (const f of cell.faults.filter((g) => g.kind === kind)) {
            const end = f.end ?? maxAt;
            const tip = `${f.description}: ${formatMs(f.start)} to ${f.end === undefined ? 'the end' : formatMs(f.end)} (scenario), slots ${slotList(f.slots)}${f.error ? `; could not be applied: ${f.error}` : ''}`;
            marks.push(el('rect', { x: x(f.start), y: laneY(i) + 3, width: Math.max(2, x(end) - x(f.start)), height: LANE - 6, rx: 2, fill: faultColor(kind), class: 'mark fault', 'data-tip': tip }, title(tip)));
        }
    });
    if (failures.length > 0) {
        const i = kinds.length;
        labels.push(text(plot.left - 6, laneY(i) + 12, 'failures', { class: 'lane', 'text-anchor': 'end' }));
        for (const f of failures) {
            const cx = x(f.at);
            const cy = laneY(i) + LANE / 2;
            const tip = `${f.mode} of ${f.instance} at ${formatMs(f.at)} (scenario): ${f.evidence}`;
            const d = failures.length > 40 ? `M${cx - 1} ${cy - 6}L${cx + 1} ${cy - 6}L${cx + 1} ${cy + 6}L${cx - 1} ${cy + 6}Z` : `M${cx} ${cy - 6}L${cx + 5.5} ${cy + 5}L${cx - 5.5} ${cy + 5}Z`;
            marks.push(el('path', { d, fill: SERIES.failure, class: 'mark failure-mark', 'data-tip': tip }, title(tip)));
        }
    }
    if (lanes === 0)
        labels.push(text((plot.left + plot.right) / 2, laneY(0) + 12, 'no faults and no failures in this cell', { class: 'lane-empty', 'text-anchor': 'middle' }));
    const body = axes(plot, x, timeLabeler(x.ticks), y, rateLabel, { x: 'scenario time', y: 'delivered per scenario second' }) +
        legend(plot, [{ label: 'throughput', color: SERIES.throughput }]) +
        el('line', { x1: plot.left, x2: plot.right, y1: tpBottom, y2: tpBottom, class: 'separator' }) +
        text(plot.left, laneTop - 8, 'faults active', { class: 'caption' }) +
        el('g', { class: 'lanes' }, ...labels) +
        el('g', { class: 'marks' }, ...marks);
    return el('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart', role: 'img', 'aria-label': `Throughput and fault timeline, ${cell.name}`, 'data-chart': 'timeline', 'data-cell': cell.name }, body);
}
function shorten(label) {
    return label.length * 6 > LANE_LABEL ? `${label.slice(0, Math.floor(LANE_LABEL / 6) - 1)}…` : label;
}
/** `0-39`, `1, 3, 5-7`. */
function slotList(slots) {
    const sorted = [...slots].sort((a, b) => a - b);
    const parts = [];
    for (let i = 0; i < sorted.length; i++) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1)
            j++;
        parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
        i = j;
    }
    return parts.join(', ') || '-';
}
//# sourceMappingURL=timeline-chart.js.map