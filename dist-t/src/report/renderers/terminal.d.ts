import type { Renderer } from './registry.js';
/** What `duress run` prints: the stability matrix, per-cell figures, failures and thresholds (cli-table3). */
export declare const renderTerminal: Renderer;
