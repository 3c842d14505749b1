import type { CellReport, ReportModel } from '../model.js';
import type { LinkTable } from '../link-table.js';
/** Text safe inside a GitHub table cell: pipes escaped, no line break, nothing that opens an HTML tag. */
export declare function mdCell(text: string): string;
/** A GitHub table: header, separator, rows; every cell escaped. */
export declare function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string[];
/** The columns of the per-cell latency table; `first` names the first column (terminal tables put the title there). */
export declare function latencyHead(first?: string): string[];
type LatencyKey = 'p50' | 'p90' | 'p99' | 'p99_9' | 'max';
/** A cell's end-to-end latency figure, marked `*` when harness lag may have distorted it. */
export declare function latencyFigure(c: CellReport, key: LatencyKey): string;
/**
 * End-to-end latency per cell, scenario time, beside the worst harness lag in scenario time; a figure
 * that lag may have distorted is marked `*` (the report's notes say which and why).
 */
export declare function latencyRows(cells: readonly CellReport[]): string[][];
export declare function deliveryHead(first?: string): string[];
/** The ledger's account per cell. Loss is judged only once a cell has ended: the model says "not judged" before. */
export declare function deliveryRows(cells: readonly CellReport[]): string[][];
/** The heads of the terminal, Markdown and HTML links tables (see link-table.ts), worded by the kind's section. */
export declare function linkTableHead(t: LinkTable): string[];
/** The columns of linkTableHead that hold numbers (the HTML table aligns them right): all but the cell and the faulted links' names. */
export declare function linkTableNumericColumns(t: LinkTable): number[];
/** The words above a links table: the kind's caption, then what a figure marked * means. */
export declare function linkTableCaption(t: LinkTable): string;
export declare function linkTableRows(t: LinkTable): string[][];
/** The links table for report.md; nothing when the run has no per-link figures. */
export declare function linkTableMarkdown(model: ReportModel): string[];
/** The links table for the terminal; nothing when the run has no per-link figures. */
export declare function linkTableTerminal(model: ReportModel, style: {
    head: string[];
    border: string[];
    compact: boolean;
}): string[];
export {};
