import { type Comparison } from '../report/compare.js';
import { type ReportModel } from '../report/model.js';
import { type ReportFormat } from '../report/renderers/index.js';
import type { RunResults } from '../results/results.js';
/**
 * Results after a run, for the public API and the CLI's `report` and `compare`: read them back from a run
 * folder, lay them out in any report format, and compare two runs (or two groups of cells of one run).
 */
/** Every report format registered now, by the name a scenario's `report.formats` uses: terminal, json, markdown, html, junit, and any added with registerRenderer. */
export declare function reportFormatNames(): ReportFormat[];
/**
 * The results of a run: from its folder (results.json, or journal.jsonl when the run was killed before it
 * wrote results), or from a results.json or journal.jsonl named directly. A relative path is taken from
 * `cwd` (default: the process's). Anything that is not a duress run is an InputError.
 */
export declare function readResults(target: string, options?: {
    cwd?: string;
}): RunResults;
/** Choices of renderReport. */
export interface RenderReportOptions {
    /** ANSI colours (the terminal format only). Default false. */
    color?: boolean;
}
/**
 * One report of a run as text, by format name: `terminal` (the summary `duress run` prints), `markdown`
 * (report.md), `html` (report.html, one self-contained file), `json` (report.json: the report model) or
 * `junit` (junit.xml: one test case per threshold and per cell). Takes the results (readResults, or a
 * run's outcome) or a report model already built from them. An unknown format is an InputError.
 */
export declare function renderReport(from: RunResults | ReportModel, format: ReportFormat, options?: RenderReportOptions): string;
/** One side of compareRuns: a run's results, the cells of it to pool, and how the side is named. */
export interface ComparedRun {
    results: RunResults;
    /** Pool only the cells whose matrix values match every `dimension: value` (default: every cell). */
    cells?: Readonly<Record<string, string>>;
    /** Names the side in the comparison; default the scenario's name and the selector. */
    label?: string;
}
/**
 * Compares a candidate with a baseline, as `duress compare`: the failure rates (a test of whether the
 * candidate fails less often per hour of exposure, at `confidence`, default 0.95), hours to failure with
 * bounds, the shift of latency percentiles and a verdict. A side given as plain results pools every cell.
 * A selector that matches no cell, or a side with no exposure, is an InputError.
 */
export declare function compareRuns(baseline: RunResults | ComparedRun, candidate: RunResults | ComparedRun, options?: {
    confidence?: number;
}): Comparison;
/** A comparison as text: the `terminal` table or `markdown` (what `duress compare --format` prints). */
export declare function renderComparison(comparison: Comparison, format: 'terminal' | 'markdown', options?: RenderReportOptions): string;
