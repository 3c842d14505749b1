import type { LatencySummary } from '../metrics/histogram.js';
import { type RateComparison } from '../stats/compare-rates.js';
import { type PercentileShift } from '../stats/latency-shift.js';
import type { RunResults } from '../results/results.js';
/** One side of a comparison: a run, and which of its cells to pool. */
export interface CompareInput {
    results: RunResults;
    /** `{variant: 'patch'}`; empty for every cell of the run. */
    selector: Readonly<Record<string, string>>;
    /** Where the results came from, e.g. `reports/run-a/results.json`. */
    source: string;
}
/** One side as compared: its pooled cells, failures, hours to failure and merged latency. */
export interface ComparisonSide {
    /** `variant=patch`, or the run's folder when the whole run is pooled. */
    label: string;
    source: string;
    /** Names of the pooled cells. */
    cells: string[];
    /** Σ exposure, scenario hours. */
    exposureHours: number;
    failures: number;
    /** Failures per mode, most first. */
    byMode: {
        mode: string;
        failures: number;
    }[];
    /** Hours to failure of the pooled exposure: `+3500h` / `~0.08h`, with its one-sided bounds. */
    htf: {
        estimate: number;
        lower: number;
        upper: number | undefined;
        figure: string;
        lowerText: string;
        upperText: string | undefined;
    };
    /** End-to-end latency of the merged histograms, ms. */
    latency: LatencySummary;
}
/** Candidate against baseline: the failure-rate test, hours to failure and latency shifts, and a verdict in words. */
export interface Comparison {
    baseline: ComparisonSide;
    candidate: ComparisonSide;
    confidence: number;
    /** The exact conditional test, with A = candidate and B = baseline: ratio < 1 when the candidate fails less often. */
    rates: RateComparison;
    /** Each latency percentile from baseline (a) to candidate (b); positive when the candidate is slower. */
    latency: PercentileShift[];
    /** The two-sided p-value is below 1 − confidence. */
    significant: boolean;
    /** `candidate fails 12× less often (p = 0.0004): significant at 95%`, `no significant difference (p = 0.62)`. */
    verdict: string;
}
/** `p = 0.00041`, `p < 0.0001`, `p = 1`. */
export declare function formatP(p: number): string;
/**
 * Compares a candidate with a baseline: the exact conditional test of their failure rates (compareRates,
 * candidate as A), the hours to failure of each with its bounds, and the shift of every end-to-end latency
 * percentile, each side pooled over its matching cells (exposure and failures add, histograms merge).
 */
export declare function compareRuns(baseline: CompareInput & {
    label: string;
}, candidate: CompareInput & {
    label: string;
}, confidence?: number): Comparison;
