import type { Renderer } from './registry.js';
/**
 * report.html: one self-contained file (inline CSS, inline SVG charts, one small inline script; no
 * network reference of any kind), readable offline and attachable to a CI run.
 */
export declare const renderHtml: Renderer;
