import { el, SERIES, text } from './svg.js';
export function plotArea(width, height, margin) {
    return { width, height, left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
}
/** Grid lines and labels for the x axis (below the plot) and the y axis (left of it). */
export function axes(plot, x, xLabel, y, yLabel, captions = {}) {
    const parts = [];
    for (const t of x.ticks) {
        const px = x(t);
        parts.push(el('line', { x1: px, x2: px, y1: plot.top, y2: plot.bottom, class: 'grid' }));
        parts.push(text(px, plot.bottom + 14, xLabel(t), { class: 'tick', 'text-anchor': 'middle' }));
    }
    if (y) {
        for (const t of y.ticks) {
            const py = y(t);
            parts.push(el('line', { x1: plot.left, x2: plot.right, y1: py, y2: py, class: 'grid' }));
            parts.push(text(plot.left - 6, py + 3.5, yLabel(t), { class: 'tick', 'text-anchor': 'end' }));
        }
    }
    parts.push(el('line', { x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, stroke: SERIES.axis }));
    if (captions.x)
        parts.push(text(plot.right, plot.height - 4, captions.x, { class: 'caption', 'text-anchor': 'end' }));
    if (captions.y)
        parts.push(text(plot.left, plot.top - 8, captions.y, { class: 'caption', 'text-anchor': 'start' }));
    return el('g', { class: 'axes' }, ...parts);
}
/** A row of coloured keys: `— p50  — p99`. */
export function legend(plot, entries) {
    let x = plot.right;
    const items = [];
    for (const e of [...entries].reverse()) {
        const w = 32 + e.label.length * 6.4;
        x -= w;
        items.push(el('line', { x1: x, x2: x + 16, y1: plot.top - 12, y2: plot.top - 12, stroke: e.color, 'stroke-width': 2.5, 'stroke-dasharray': e.dashed ? '4 3' : undefined }), text(x + 20, plot.top - 8.5, e.label, { class: 'legend' }));
    }
    return el('g', { class: 'legend-keys' }, ...items);
}
/** The report's stylesheet, inlined: system fonts only, nothing fetched. */
export const STYLES = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }
header { border-bottom: 1px solid var(--line); padding-bottom: 12px; margin-bottom: 8px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 0 0 8px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
p { margin: 4px 0; }
.muted, .desc { color: var(--muted); }
.badge { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.notes { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; margin: 12px 0; }
table { border-collapse: collapse; margin: 6px 0 10px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num { text-align: right; }
table.matrix td.verdict { min-width: 240px; padding: 10px 14px; border-left-width: 5px; }
table.matrix .words { font-size: 16px; font-weight: 700; }
table.matrix .figure { font-size: 15px; font-variant-numeric: tabular-nums; }
table.matrix .detail { font-size: 12px; color: var(--muted); }
table.matrix th.row { background: var(--panel); white-space: nowrap; }
ul.rule { margin: 4px 0; padding-left: 18px; color: var(--muted); font-size: 12.5px; }
.grid-cells { display: grid; grid-template-columns: 1fr; gap: 18px; }
.cell-card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
@media (max-width: 900px) { .charts { grid-template-columns: 1fr; } }
figure { margin: 0; }
figcaption { font-size: 12.5px; color: var(--muted); margin-top: 2px; }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
svg.chart.wide { max-width: 1100px; }
svg .grid { stroke: #d8dee4; stroke-width: 1; }
svg .tick { font-size: 10px; fill: #59636e; }
svg .caption { font-size: 10.5px; fill: #59636e; }
svg .legend { font-size: 10.5px; fill: #1f2328; }
svg .lane, svg .row-label { font-size: 10.5px; fill: #1f2328; }
svg .row-label { font-size: 12px; }
svg .lane-empty, svg .empty { font-size: 12px; fill: #59636e; }
svg .series { fill: none; stroke-width: 2; stroke-linejoin: round; }
svg .interval { fill: none; stroke-width: 3.5; stroke-linecap: round; }
svg .area { opacity: 0.12; }
svg .failure { stroke: #cf222e; stroke-width: 1.2; stroke-dasharray: 3 3; opacity: 0.6; }
svg .failure-tick { stroke: #cf222e; stroke-width: 1.5; opacity: 0.7; }
details summary { cursor: pointer; color: #0969da; margin: 4px 0; }
svg .separator { stroke: #8c959f; stroke-width: 1; }
svg .reference { stroke: #8c959f; stroke-width: 1; stroke-dasharray: 2 3; }
svg .figure { font-size: 12px; font-weight: 600; }
svg .figure-sub { font-size: 10.5px; fill: #59636e; }
svg .hit { fill: transparent; }
svg .hit:hover { fill: rgba(9, 105, 218, 0.06); }
svg .dot:hover, svg .fault:hover { stroke: #1f2328; stroke-width: 1.5; }
#tip { position: fixed; pointer-events: none; background: #1f2328; color: #fff; font-size: 12px; padding: 4px 8px; border-radius: 4px; max-width: 420px; display: none; z-index: 10; }
footer { margin-top: 32px; font-size: 12px; color: var(--muted); }
`;
/**
 * The report's only script, inlined. It marks each chart `data-drawn="true"` once the browser has laid it
 * out with visible marks (so a test, or a reader, can tell every chart drew), counts them on <html>, and
 * shows a tooltip for anything with `data-tip`.
 */
export const SCRIPT = `
(function () {
  var charts = document.querySelectorAll('[data-chart]');
  var drawn = 0;
  charts.forEach(function (chart) {
    var marks = chart.querySelectorAll('.mark');
    var ok = marks.length > 0;
    marks.forEach(function (m) {
      var b = m.getBBox();
      if (!(b.width > 0 || b.height > 0)) ok = false;
    });
    chart.setAttribute('data-drawn', ok ? 'true' : 'false');
    if (ok) drawn++;
  });
  document.documentElement.setAttribute('data-charts', String(charts.length));
  document.documentElement.setAttribute('data-charts-drawn', String(drawn));
  var tip = document.getElementById('tip');
  document.addEventListener('mousemove', function (e) {
    var t = e.target && e.target.closest ? e.target.closest('[data-tip]') : null;
    if (!t) { tip.style.display = 'none'; return; }
    tip.textContent = t.getAttribute('data-tip');
    tip.style.display = 'block';
    tip.style.left = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8) + 'px';
    tip.style.top = (e.clientY + 14) + 'px';
  });
})();
`;
//# sourceMappingURL=frame.js.map