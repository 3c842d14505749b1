import { SERIES } from './palette.js';
import type { Scale } from './scale.js';
import { el, text } from './svg.js';

/** The drawing area of a chart inside its SVG viewBox. */
export interface Plot {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function plotArea(width: number, height: number, margin: { left: number; right: number; top: number; bottom: number }): Plot {
  return { width, height, left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
}

/** Grid lines and labels for the x axis (below the plot) and the y axis (left of it). */
export function axes(plot: Plot, x: Scale, xLabel: (v: number) => string, y: Scale | undefined, yLabel: (v: number) => string, captions: { x?: string; y?: string } = {}): string {
  const parts: string[] = [];
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
  if (captions.x) parts.push(text(plot.right, plot.height - 4, captions.x, { class: 'caption', 'text-anchor': 'end' }));
  if (captions.y) parts.push(text(plot.left, plot.top - 8, captions.y, { class: 'caption', 'text-anchor': 'start' }));
  return el('g', { class: 'axes' }, ...parts);
}

/** A row of coloured keys: `— p50  — p99`. */
export function legend(plot: Plot, entries: readonly { label: string; color: string; dashed?: boolean }[]): string {
  let x = plot.right;
  const items: string[] = [];
  for (const e of [...entries].reverse()) {
    const w = 32 + e.label.length * 6.4;
    x -= w;
    items.push(
      el('line', { x1: x, x2: x + 16, y1: plot.top - 12, y2: plot.top - 12, stroke: e.color, 'stroke-width': 2.5, 'stroke-dasharray': e.dashed ? '4 3' : undefined }),
      text(x + 20, plot.top - 8.5, e.label, { class: 'legend' }),
    );
  }
  return el('g', { class: 'legend-keys' }, ...items);
}
