import type { VerdictKind } from '../../verdict.js';
/**
 * Text and attribute values made safe for HTML and inline SVG. A URL in the text (an error message that
 * names one) keeps reading the same but is written `http&#58;//…`, and likewise `src=` and `url(`, so even
 * a plain search of the file finds no network reference.
 */
export declare function escapeHtml(text: string): string;
/** Colour of each verdict: strong for text and marks, soft for the matrix cell's background. */
export declare const VERDICT_COLORS: Readonly<Record<VerdictKind, {
    strong: string;
    soft: string;
}>>;
export declare const SERIES: {
    readonly p50: "#0969da";
    readonly p99: "#bc4c00";
    readonly max: "#a40e26";
    readonly throughput: "#1a7f37";
    readonly failure: "#cf222e";
    readonly grid: "#d8dee4";
    readonly axis: "#57606a";
};
/** A colour per fault kind, distinct for the first eight kinds, the same in every chart of a report. */
export declare function faultColors(kinds: Iterable<string>): (kind: string) => string;
type AttrValue = string | number | undefined;
/** Coordinates rounded to 0.1 px: exact enough on screen, and the file stays small. */
export declare function px(v: number): string;
/** An element: attributes escaped (undefined ones left out), children already markup. */
export declare function el(tag: string, attrs: Record<string, AttrValue>, ...children: string[]): string;
/** Text content, escaped. */
export declare function text(x: number, y: number, content: string, attrs?: Record<string, AttrValue>): string;
/** A polyline path through the points, `M x y L x y …`. */
export declare function linePath(points: readonly (readonly [number, number])[]): string;
/** A native tooltip for an SVG element. */
export declare function title(content: string): string;
export {};
