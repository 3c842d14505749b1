import { type HarnessReport } from './harness-report.js';
import type { LatencySummary } from '../metrics/histogram.js';
import { type FaultImpact } from './fault-impact.js';
import { type DeliveryReport } from './delivery-report.js';
import type { CellResults, FaultRecord, IntervalPoint, RunResults } from '../results/results.js';
import { type ThresholdOutcome } from './threshold-outcomes.js';
import { type LinkTable } from './link-table.js';
import { type Verdict } from './verdict.js';
export type { ThresholdOutcome } from './threshold-outcomes.js';
export type { Verdict, VerdictKind } from './verdict.js';
export type { DeliveryReport } from './delivery-report.js';
/**
 * Everything a report shows, computed once from a run's results: renderers (terminal, Markdown, JSON,
 * HTML, JUnit) are pure functions of this model and decide nothing, they only lay it out. report.json is
 * this model serialised.
 *
 * Units, unless a field says otherwise: times named `at`, `*Ms` are **scenario** milliseconds (the
 * scenario clock runs `run.speed` times faster than the wall); hours are **scenario hours**; latencies are
 * scenario ms. Wall time is always named as such (`wallMs`).
 */
export interface ReportModel {
    format: 'duress-report/1';
    /** `duress: quickstart`. */
    title: string;
    scenario: {
        name: string;
        description: string | undefined;
        file: string;
        seed: number;
        /** Instance slots per cell. */
        instances: number;
        /** Scenario ms each cell was meant to run (its load phase). */
        durationMs: number;
        /** Confidence of every one-sided hours-to-failure bound, e.g. 0.95. */
        confidence: number;
    };
    run: RunFacts;
    /** How a cell's verdict is decided, one sentence per line; shown under every matrix. */
    verdictRule: readonly string[];
    matrix: StabilityMatrix;
    /** In the run's cell order; StabilityMatrix points into this list. */
    cells: CellReport[];
    /** Every failure of every cell, in cell order then time. */
    failures: FailureEntry[];
    /**
     * The links table of a system kind that reports per link (a broker's subscribers): each cell's latency
     * over its links with no fault beside its faulted links, worded by the kind (absent otherwise).
     */
    linkTable?: LinkTable;
    thresholds: ThresholdOutcome[];
    /** Every threshold passed (true when there are none). The exit code follows it. */
    passed: boolean;
    /** `all 3 passed`, `2 of 3 failed`; undefined without thresholds. Every renderer prints these words. */
    thresholdSummary: string | undefined;
    /** What each figure means, in words (from the results file). */
    definitions: Record<string, string>;
    /** duress's own health: its event-loop lag, and any trouble (also in run.notes and run.lines). */
    harness: HarnessReport;
}
/** When, how fast, how long: each figure with the kind of time it is in. */
export interface RunFacts {
    duressVersion: string;
    /** ISO time the run started, wall clock. */
    startedAt: string;
    endedAt: string | undefined;
    /** Scenario seconds per wall second. */
    speed: number;
    /** Real time the run took, ms. */
    wallMs: number;
    /** Scenario ms the longest cell ran (load and drain). */
    scenarioMs: number;
    /** Σ exposure over every cell, scenario hours. */
    exposureHours: number;
    /** Instance slots over every cell. */
    instances: number;
    /** The signal that stopped the run early, if one did. */
    interrupted: string | undefined;
    /** False when the journal ends before the run did: figures are as of the last interval. */
    complete: boolean;
    /** True for a merge with shards missing (--allow-partial): the figures cover only some of the run. */
    partial: boolean;
    /** The facts as renderers print them, each labelled with its kind of time: `wall time` → `6.94 s`. */
    lines: {
        label: string;
        value: string;
    }[];
    /** Things a reader must know before trusting the figures (interrupted, incomplete); empty when none. */
    notes: string[];
}
/**
 * The stability matrix, laid out as the seed's table: columns are the values of the scenario's first
 * matrix dimension, rows those of the second, and further dimensions split each row into sub-rows (one
 * per combination of their values). One dimension gives a single row; no matrix, a single cell.
 */
export interface StabilityMatrix {
    /** The dimension across the columns; undefined without a matrix. */
    columnDimension: string | undefined;
    /** The dimension down the rows; undefined with fewer than two dimensions. */
    rowDimension: string | undefined;
    subRowDimensions: string[];
    columns: MatrixColumn[];
    rows: MatrixRow[];
}
export interface MatrixColumn {
    /** `variant=patch`; the cell name (`default`) without a matrix. */
    label: string;
    /** `patch`; undefined without a matrix. */
    value: string | undefined;
}
export interface MatrixRow {
    /** `keepalive=on`, or `keepalive=on, region=eu` for a sub-row; empty with one dimension or none. */
    label: string;
    /** The row dimension's part of the label alone (`keepalive=on`), the same for all sub-rows of a row. */
    group: string;
    /** The sub-row dimensions' part (`region=eu`); undefined without sub-rows. */
    sub: string | undefined;
    /** The matrix values this row fixes (every dimension but the column one). */
    values: Record<string, string>;
    /** Per column, an index into ReportModel.cells; undefined for a combination that did not run (`--only`). */
    cells: (number | undefined)[];
}
/** One cell of the matrix: a configuration of the system, its instances, and what happened to them. */
export interface CellReport {
    index: number;
    /** `variant=patch,keepalive=on`, or `default` without a matrix. */
    name: string;
    /** Matrix dimension → value. */
    values: Record<string, string>;
    /** Instance slots (failed instances are replaced in their slot). */
    instances: number;
    /** Scenario ms the cell was meant to run its load. */
    plannedMs: number;
    /** Scenario ms the cell ran (load and drain, or until interrupted). */
    scenarioMs: number;
    /** T: instance running time summed, scenario hours. */
    exposureHours: number;
    verdict: Verdict;
    /**
     * The failed thresholds charged to this cell (ThresholdOutcome.failedCells), as written. The exit code
     * follows thresholds, not verdicts: a cell expected to fail (a no-patch baseline) fails CI only when a
     * threshold about it failed, and JUnit fails its test case exactly then.
     */
    failedThresholds: string[];
    htf: HtfFigures;
    /** Hours to failure per failure mode (every mode watched for, failed or not), most failures first. */
    byMode: ModeFigures[];
    /** The mode with most failures; undefined when nothing failed. */
    dominantMode: string | undefined;
    /** r: failures declared. */
    failureCount: number;
    /** `12 failures: 11 hangs, 1 crash`, or `no failures`. */
    failureSummary: string;
    /** The matrix entry as the seed writes it: `Very stable (+3500h, ≥ 1520h at 95%)`. */
    text: string;
    latency: {
        /** From the scheduled generation of a record to its arrival at the sink (coordinated omission corrected). */
        endToEnd: LatencySummary;
        /** One output request, from sending to its answer. */
        request: LatencySummary;
    };
    /** One point per metrics interval: latency percentiles of that interval, throughput, failures so far. */
    overTime: IntervalPoint[];
    delivery: DeliveryReport;
    /** The fault timeline: each occurrence, the instance slots it touched, when it started and ended. */
    faults: FaultRecord[];
    /** What each fault occurrence did to latency, delivery and requests (from the intervals around it). */
    faultImpact: FaultImpact[];
    /** Output requests by outcome, most frequent first. */
    requests: {
        outcome: string;
        count: number;
    }[];
    /** End-to-end latency figures (`p99`, `max` …, LatencySummary keys) that harness lag may have distorted. */
    lagDistorted: string[];
    /** The worst harness lag while the cell ran, in scenario ms (wall lag × speed); undefined if not measured. */
    harnessLagScenarioMs: number | undefined;
}
/** The seed's hours-to-failure figure with its chi-square bounds, as numbers and as text. */
export interface HtfFigures {
    /** T / max(r, 1), scenario hours. */
    estimate: number;
    /** r = 0: the estimate only says the mean is at least about that. */
    censored: boolean;
    /** One-sided lower bound 2T / χ²(confidence; 2r + 2), scenario hours. */
    lower: number;
    /** One-sided upper bound 2T / χ²(1 − confidence; 2r); undefined when r = 0. */
    upper: number | undefined;
    confidence: number;
    /** `+3500h` (no failure) or `~0.08h`. */
    figure: string;
    /** `≥ 1520h at 95%`. */
    lowerText: string;
    /** `≤ 0.2h at 95%`; undefined when r = 0. */
    upperText: string | undefined;
}
export interface ModeFigures extends HtfFigures {
    mode: string;
    failures: number;
}
/** One failure of one instance, with the faults that were active on it at that moment. */
export interface FailureEntry {
    cell: string;
    cellIndex: number;
    /** Scenario ms since the cell's start. */
    at: number;
    /** The instance (its generation in the slot), e.g. `i2.1`. */
    instance: string;
    slot: number;
    mode: string;
    /** What was seen, in one line. */
    evidence: string;
    /** Descriptions of the fault occurrences active on the instance when it failed. */
    faults: string[];
}
/**
 * Builds the report of a run. `thresholds` are the outcomes to show; by default the scenario's
 * thresholds are evaluated against the results here (evaluateResultsThresholds).
 */
export declare function buildReportModel(results: RunResults, thresholds?: ThresholdOutcome[]): ReportModel;
/** Columns from the first dimension, rows from the second, sub-rows from the rest (see StabilityMatrix). */
export declare function buildMatrix(cells: readonly Pick<CellResults, 'index' | 'name' | 'values'>[]): StabilityMatrix;
