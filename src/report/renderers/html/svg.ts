import { escapeHtml } from './escape.js';

type AttrValue = string | number | undefined;

/** Coordinates rounded to 0.1 px: exact enough on screen, and the file stays small. */
export function px(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** An element: attributes escaped (undefined ones left out), children already markup. */
export function el(tag: string, attrs: Record<string, AttrValue>, ...children: string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeHtml(typeof v === 'number' ? px(v) : String(v))}"`)
    .join('');
  return children.length === 0 ? `<${tag}${a}/>` : `<${tag}${a}>${children.join('')}</${tag}>`;
}

/** Text content, escaped. */
export function text(x: number, y: number, content: string, attrs: Record<string, AttrValue> = {}): string {
  return el('text', { x, y, ...attrs }, escapeHtml(content));
}

/** A polyline path through the points, `M x y L x y …`. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x)} ${px(y)}`).join('');
}

/** A native tooltip for an SVG element. */
export function title(content: string): string {
  return `<title>${escapeHtml(content)}</title>`;
}
