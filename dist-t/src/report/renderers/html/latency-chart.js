import { formatMs } from '../../format.js';
import { axes, legend, plotArea } from './frame.js';
import { el, linePath, SERIES, text, title } from './svg.js';
import { latencyLabel, linearScale, logDurationScale, niceTicks, timeLabeler, timeTicks } from './scale.js';
const WIDTH = 560;
const HEIGHT = 250;
/** Above this many points per series, the line is drawn without a dot per point. */
const MAX_DOTS = 120;
/** Above this many failures, each is a short tick along the time axis instead of a line across the plot. */
const MAX_FAILURE_LINES = 20;
const SERIES_SHOWN = [
    { key: 'p50', label: 'p50', color: SERIES.p50, dashed: false },
    { key: 'p99', label: 'p99', color: SERIES.p99, dashed: false },
    { key: 'max', label: 'max', color: SERIES.max, dashed: true },
];
/** End-to-end latency percentiles of each metrics interval over scenario time, with the cell's failures marked. */
export function latencyChart(cell, failures) {
    const plot = plotArea(WIDTH, HEIGHT, { left: 58, right: 14, top: 30, bottom: 34 });
    const points = cell.overTime;
    const root = (body) => el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': `End-to-end latency over time, ${cell.name}`, 'data-chart': 'latency', 'data-cell': cell.name }, body);
    if (points.length === 0)
        return root(text(WIDTH / 2, HEIGHT / 2, 'no metrics interval was recorded', { class: 'mark empty', 'text-anchor': 'middle' }));
    const maxAt = Math.max(cell.scenarioMs, ...points.map((p) => p.at), ...failures.map((f) => f.at));
    const x = linearScale([0, maxAt], [plot.left, plot.right], timeTicks(maxAt));
    const y = yScale(points.flatMap((p) => [p.p50, p.p99, p.max]), plot);
    const marks = [];
    const rug = failures.length > MAX_FAILURE_LINES;
    for (const f of failures) {
        const tip = `${f.mode} of ${f.instance} at ${formatMs(f.at)} (scenario time): ${f.evidence}`;
        marks.push(el('line', { x1: x(f.at), x2: x(f.at), y1: rug ? plot.bottom - 9 : plot.top, y2: plot.bottom, class: rug ? 'mark failure-tick' : 'mark failure', 'data-tip': tip }, title(tip)));
    }
    for (const s of SERIES_SHOWN) {
        const xy = points.map((p) => [x(p.at), y(p[s.key])]);
        marks.push(el('path', { d: linePath(xy.length === 1 ? [[xy[0][0] - 0.5, xy[0][1]], [xy[0][0] + 0.5, xy[0][1]]] : xy), class: 'mark series', stroke: s.color, 'stroke-dasharray': s.dashed ? '5 3' : undefined }));
        if (points.length <= MAX_DOTS) {
            points.forEach((p, i) => {
                const tip = `${s.label} ${formatMs(p[s.key])} in the interval ending ${formatMs(p.at)}`;
                marks.push(el('circle', { cx: xy[i][0], cy: xy[i][1], r: 2.6, fill: s.color, class: 'dot', 'data-tip': tip }, title(tip)));
            });
        }
    }
    return root(axes(plot, x, timeLabeler(x.ticks), y, latencyLabel, { x: 'scenario time', y: 'latency per interval' }) +
        legend(plot, [...SERIES_SHOWN.map((s) => ({ label: s.label, color: s.color, dashed: s.dashed })), ...(failures.length ? [{ label: 'failure', color: SERIES.failure, dashed: true }] : [])]) +
        el('g', { class: 'marks' }, ...marks));
}
/** Linear from 0, or logarithmic when the values span more than 30×. */
function yScale(values, plot) {
    const positive = values.filter((v) => v > 0);
    const max = Math.max(1, ...positive);
    const min = Math.min(max, ...positive);
    if (max / min > 30)
        return logDurationScale(min, max, [plot.bottom, plot.top]);
    const ticks = niceTicks(max, 4);
    return linearScale([0, ticks[ticks.length - 1]], [plot.bottom, plot.top], ticks);
}
//# sourceMappingURL=latency-chart.js.map