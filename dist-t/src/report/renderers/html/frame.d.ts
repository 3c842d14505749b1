import type { Scale } from './scale.js';
/** The drawing area of a chart inside its SVG viewBox. */
export interface Plot {
    width: number;
    height: number;
    left: number;
    right: number;
    top: number;
    bottom: number;
}
export declare function plotArea(width: number, height: number, margin: {
    left: number;
    right: number;
    top: number;
    bottom: number;
}): Plot;
/** Grid lines and labels for the x axis (below the plot) and the y axis (left of it). */
export declare function axes(plot: Plot, x: Scale, xLabel: (v: number) => string, y: Scale | undefined, yLabel: (v: number) => string, captions?: {
    x?: string;
    y?: string;
}): string;
/** A row of coloured keys: `— p50  — p99`. */
export declare function legend(plot: Plot, entries: readonly {
    label: string;
    color: string;
    dashed?: boolean;
}[]): string;
/** The report's stylesheet, inlined: system fonts only, nothing fetched. */
export declare const STYLES = "\n:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa; }\n* { box-sizing: border-box; }\nbody { margin: 0; font: 14px/1.5 system-ui, -apple-system, \"Segoe UI\", \"DejaVu Sans\", sans-serif; color: var(--fg); background: var(--bg); }\nmain { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }\nheader { border-bottom: 1px solid var(--line); padding-bottom: 12px; margin-bottom: 8px; }\nh1 { font-size: 24px; margin: 0 0 4px; }\nh2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }\nh3 { font-size: 15px; margin: 0 0 8px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }\np { margin: 4px 0; }\n.muted, .desc { color: var(--muted); }\n.badge { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }\n.notes { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; margin: 12px 0; }\ntable { border-collapse: collapse; margin: 6px 0 10px; font-variant-numeric: tabular-nums; }\nth, td { border: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }\nth { background: var(--panel); font-weight: 600; }\ntd.num { text-align: right; }\ntable.matrix td.verdict { min-width: 240px; padding: 10px 14px; border-left-width: 5px; }\ntable.matrix .words { font-size: 16px; font-weight: 700; }\ntable.matrix .figure { font-size: 15px; font-variant-numeric: tabular-nums; }\ntable.matrix .detail { font-size: 12px; color: var(--muted); }\ntable.matrix th.row { background: var(--panel); white-space: nowrap; }\nul.rule { margin: 4px 0; padding-left: 18px; color: var(--muted); font-size: 12.5px; }\n.grid-cells { display: grid; grid-template-columns: 1fr; gap: 18px; }\n.cell-card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }\n.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }\n@media (max-width: 900px) { .charts { grid-template-columns: 1fr; } }\nfigure { margin: 0; }\nfigcaption { font-size: 12.5px; color: var(--muted); margin-top: 2px; }\nsvg.chart { width: 100%; height: auto; display: block; font-family: inherit; }\nsvg.chart.wide { max-width: 1100px; }\nsvg .grid { stroke: #d8dee4; stroke-width: 1; }\nsvg .tick { font-size: 10px; fill: #59636e; }\nsvg .caption { font-size: 10.5px; fill: #59636e; }\nsvg .legend { font-size: 10.5px; fill: #1f2328; }\nsvg .lane, svg .row-label { font-size: 10.5px; fill: #1f2328; }\nsvg .row-label { font-size: 12px; }\nsvg .lane-empty, svg .empty { font-size: 12px; fill: #59636e; }\nsvg .series { fill: none; stroke-width: 2; stroke-linejoin: round; }\nsvg .interval { fill: none; stroke-width: 3.5; stroke-linecap: round; }\nsvg .area { opacity: 0.12; }\nsvg .failure { stroke: #cf222e; stroke-width: 1.2; stroke-dasharray: 3 3; opacity: 0.6; }\nsvg .failure-tick { stroke: #cf222e; stroke-width: 1.5; opacity: 0.7; }\ndetails summary { cursor: pointer; color: #0969da; margin: 4px 0; }\nsvg .separator { stroke: #8c959f; stroke-width: 1; }\nsvg .reference { stroke: #8c959f; stroke-width: 1; stroke-dasharray: 2 3; }\nsvg .figure { font-size: 12px; font-weight: 600; }\nsvg .figure-sub { font-size: 10.5px; fill: #59636e; }\nsvg .hit { fill: transparent; }\nsvg .hit:hover { fill: rgba(9, 105, 218, 0.06); }\nsvg .dot:hover, svg .fault:hover { stroke: #1f2328; stroke-width: 1.5; }\n#tip { position: fixed; pointer-events: none; background: #1f2328; color: #fff; font-size: 12px; padding: 4px 8px; border-radius: 4px; max-width: 420px; display: none; z-index: 10; }\nfooter { margin-top: 32px; font-size: 12px; color: var(--muted); }\n";
/**
 * The report's only script, inlined. It marks each chart `data-drawn="true"` once the browser has laid it
 * out with visible marks (so a test, or a reader, can tell every chart drew), counts them on <html>, and
 * shows a tooltip for anything with `data-tip`.
 */
export declare const SCRIPT = "\n(function () {\n  var charts = document.querySelectorAll('[data-chart]');\n  var drawn = 0;\n  charts.forEach(function (chart) {\n    var marks = chart.querySelectorAll('.mark');\n    var ok = marks.length > 0;\n    marks.forEach(function (m) {\n      var b = m.getBBox();\n      if (!(b.width > 0 || b.height > 0)) ok = false;\n    });\n    chart.setAttribute('data-drawn', ok ? 'true' : 'false');\n    if (ok) drawn++;\n  });\n  document.documentElement.setAttribute('data-charts', String(charts.length));\n  document.documentElement.setAttribute('data-charts-drawn', String(drawn));\n  var tip = document.getElementById('tip');\n  document.addEventListener('mousemove', function (e) {\n    var t = e.target && e.target.closest ? e.target.closest('[data-tip]') : null;\n    if (!t) { tip.style.display = 'none'; return; }\n    tip.textContent = t.getAttribute('data-tip');\n    tip.style.display = 'block';\n    tip.style.left = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8) + 'px';\n    tip.style.top = (e.clientY + 14) + 'px';\n  });\n})();\n";
