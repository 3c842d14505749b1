import { ExitCode } from '../core/errors.js';
import { type ReportModel } from './model.js';
import { type ReportFormat } from './renderers/index.js';
import type { RunResults } from '../results/results.js';
/** Where the terminal summary is written: it has no file of its own (the CLI passes its stdout). */
export interface TerminalOutput {
    write(text: string): unknown;
}
export interface WriteReportsOptions {
    /** Which renderers run; by default the scenario's `report.formats` (read from the run's journal), else all. */
    formats?: readonly ReportFormat[];
    /** Receives the terminal summary when the terminal format is asked for; without it that summary is not written anywhere. */
    terminal?: TerminalOutput;
    /** ANSI colours in the terminal summary (the CLI: stdout is a TTY and NO_COLOR is unset). Default false. */
    color?: boolean;
    /** A file the Markdown report is appended to, such as GitHub's GITHUB_STEP_SUMMARY. */
    appendMarkdownTo?: string;
}
/**
 * The exit code a run's reports stand for (what junit.xml fails): `incomplete` when the journal ends before
 * the run did (its figures are as of the last interval) or shards are missing from a merge, else the thresholds' verdict: 1 when any failed,
 * else 0. A run stopped early by a signal is the caller's to map (signalExitCode).
 */
export declare function reportExitCode(model: ReportModel): ExitCode;
/**
 * Writes results.json (always) and the reports the scenario asks for into the run folder: report.json,
 * report.md (also appended to `appendMarkdownTo` when given), report.html, junit.xml, any registered
 * format's file, and the terminal summary to `terminal`. Returns the report model and its exit code (reportExitCode).
 */
export declare function writeReports(results: RunResults, dir: string, options?: WriteReportsOptions): Promise<{
    exitCode: ExitCode;
    model: ReportModel;
}>;
