import type { HarnessEvent, IntervalEvent, JournalEvent } from '../journal/events.js';
import type { LatencySummary } from '../metrics/histogram.js';
/** A latency figure is flagged as possibly distorted when the worst lag × speed is this share of it or more. */
export declare const LAG_DISTORTION_SHARE = 0.1;
/** duress's own event-loop delay over a cell or a run: the worst of its intervals, wall ms, and × speed. */
export interface HarnessLagFigures {
    /** Worst event-loop delay of the main thread, and the worst of its per-interval 99th percentiles. */
    mainMaxMs: number;
    mainP99Ms: number;
    /** Worst event-loop delay of any instance worker (paused instances left out). */
    workerMaxMs: number;
    /** The worst of the above, wall ms, and what it amounts to in scenario time (× the clock speed). */
    worstMs: number;
    scenarioMs: number;
    /** False when the journal holds no lag figures (written before duress measured them). */
    measured: boolean;
}
/** A latency figure that harness lag may have distorted: lag × speed is at least LAG_DISTORTION_SHARE of it. */
export interface DistortedFigure {
    cell: string;
    /** `end-to-end p99` … */
    figure: string;
    /** The figure and the lag, scenario ms. */
    valueMs: number;
    lagScenarioMs: number;
}
/** results.harness: whether duress itself was in trouble during the run, and what that may have cost. */
export interface HarnessResults {
    lag: HarnessLagFigures;
    /** Every `harness` journal event: workers that could not boot, cells that could not start, event-loop stalls. */
    trouble: Omit<HarnessEvent, 't'>[];
    distorted: DistortedFigure[];
    /** True when there was trouble or a distorted figure: every report says so. */
    inTrouble: boolean;
}
/** The lag figures of a cell's intervals. */
export declare function foldLag(intervals: readonly IntervalEvent[], speed: number): HarnessLagFigures;
/** May lag of `lag` have distorted a latency figure of `valueMs` (scenario ms)? Lag × speed is at least LAG_DISTORTION_SHARE of it. */
export declare function lagMayDistort(valueMs: number, lag: HarnessLagFigures): boolean;
/** The end-to-end latency figures of a cell that its lag may have distorted (`prefix` names them: `end-to-end p99`). */
export declare function distortedFigures(cell: string, latency: LatencySummary, lag: HarnessLagFigures, prefix?: string): DistortedFigure[];
/** What foldHarness needs of a cell: its name, lag, end-to-end latency and (a kind that reports per link) its links' latency. */
export interface HarnessCellInput {
    name: string;
    harnessLag: HarnessLagFigures;
    latency: {
        endToEnd: LatencySummary;
    };
    perLink?: {
        table: {
            baseline: string;
        };
        links: readonly {
            name: string;
            role: string;
            count: number;
            p99: number;
        }[];
    };
}
/**
 * The p99 figures of a cell's faulted links (those not of the baseline role: the p99 a links table shows
 * beside the baseline ones) that its lag may have distorted; the baseline links' figures are the cell's
 * end-to-end ones.
 */
export declare function distortedLinkFigures(c: HarnessCellInput): DistortedFigure[];
/** The run's harness results from its journal and its cells' lag and latency. */
export declare function foldHarness(events: readonly JournalEvent[], cells: readonly HarnessCellInput[], speed: number): HarnessResults;
