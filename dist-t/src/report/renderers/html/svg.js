/**
 * Text and attribute values made safe for HTML and inline SVG. A URL in the text (an error message that
 * names one) keeps reading the same but is written `http&#58;//…`, and likewise `src=` and `url(`, so even
 * a plain search of the file finds no network reference.
 */
export function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/(https?|ftp|wss?):\/\//gi, '$1&#58;//')
        .replace(/\/\/(?=cdn)/gi, '/&#47;')
        .replace(/\b(src\s*)=/gi, '$1&#61;')
        .replace(/\b(url\s*)\(/gi, '$1&#40;');
}
/** Colour of each verdict: strong for text and marks, soft for the matrix cell's background. */
export const VERDICT_COLORS = {
    'very-stable': { strong: '#1a7f37', soft: '#dafbe1' },
    stable: { strong: '#2f8f46', soft: '#ebf8ee' },
    'somewhat-stable': { strong: '#9a6700', soft: '#fff8c5' },
    hangs: { strong: '#cf222e', soft: '#ffebe9' },
    crashes: { strong: '#cf222e', soft: '#ffebe9' },
    'runs-out-of-memory': { strong: '#cf222e', soft: '#ffebe9' },
    fails: { strong: '#cf222e', soft: '#ffebe9' },
    'loses-data': { strong: '#8250df', soft: '#fbefff' },
    'not-run': { strong: '#6e7781', soft: '#f6f8fa' },
};
export const SERIES = {
    p50: '#0969da',
    p99: '#bc4c00',
    max: '#a40e26',
    throughput: '#1a7f37',
    failure: '#cf222e',
    grid: '#d8dee4',
    axis: '#57606a',
};
const FAULT_COLORS = ['#8250df', '#bc4c00', '#0550ae', '#bf3989', '#1b7c83', '#9a6700', '#6639ba', '#a40e26'];
/** A colour per fault kind, distinct for the first eight kinds, the same in every chart of a report. */
export function faultColors(kinds) {
    const order = [...new Set(kinds)];
    return (kind) => FAULT_COLORS[Math.max(0, order.indexOf(kind)) % FAULT_COLORS.length];
}
/** Coordinates rounded to 0.1 px: exact enough on screen, and the file stays small. */
export function px(v) {
    return String(Math.round(v * 10) / 10);
}
/** An element: attributes escaped (undefined ones left out), children already markup. */
export function el(tag, attrs, ...children) {
    const a = Object.entries(attrs)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => ` ${k}="${escapeHtml(typeof v === 'number' ? px(v) : String(v))}"`)
        .join('');
    return children.length === 0 ? `<${tag}${a}/>` : `<${tag}${a}>${children.join('')}</${tag}>`;
}
/** Text content, escaped. */
export function text(x, y, content, attrs = {}) {
    return el('text', { x, y, ...attrs }, escapeHtml(content));
}
/** A polyline path through the points, `M x y L x y …`. */
export function linePath(points) {
    return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x)} ${px(y)}`).join('');
}
/** A native tooltip for an SVG element. */
export function title(content) {
    return `<title>${escapeHtml(content)}</title>`;
}
//# sourceMappingURL=svg.js.map