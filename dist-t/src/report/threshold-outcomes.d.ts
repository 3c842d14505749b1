import { type ThresholdMetric } from '../stats/threshold-metrics.js';
import { type MetricLookup } from '../stats/thresholds.js';
import type { RunResults } from '../results/results.js';
/** One threshold of the scenario, checked against a run: what every renderer shows of it. */
export interface ThresholdOutcome {
    /** As written in the scenario. */
    expression: string;
    /** Undefined when the expression does not parse (a results file older than validation, or edited). */
    metric: ThresholdMetric | undefined;
    passed: boolean;
    /** In the metric's unit (hours, ms, per second, or plain); undefined when nothing could be measured. */
    measured: number | undefined;
    /** The measurement as people read it: `1520h`, `2.4s`, `3`; `-` when not measured. */
    measuredText: string;
    /** What the threshold demands: `> 100h`, `< 2s`. */
    requirement: string;
    /** Names of the cells the selector matched (every cell without a selector). */
    cells: string[];
    /** Why it failed: `measured 2.4s, needs < 2s`, `no cell matches {variant=x}`; undefined when it passed. */
    reason: string | undefined;
    /**
     * Names of the cells a failure is charged to: of the matched cells, those that fail the threshold on
     * their own; every matched cell when only their pool fails it (`failures < 10` with 6 in each of two
     * cells). Empty when it passed.
     */
    failedCells: string[];
}
/** Why a metric has no value although cells matched; set by the lookup, read when it returns undefined. */
type Unmeasured = {
    why: string | undefined;
};
/**
 * The measurement of `metric` over the cells a selector matches. Several matching cells are pooled:
 * counts (failures, lost, dropped, duplicated, reordered, delivered) add up; htf and htf_lower are computed
 * on the pooled exposure and failures; latency percentiles come from the merged end-to-end histograms;
 * delivered_ratio is Σ delivered / Σ generated; throughput is Σ delivered / Σ scenario seconds (the rate
 * of one cell, pooled; not the sum of cells). `lost` counts every record never delivered nor declared
 * dropped: silent loss and records lost in failures.
 */
export declare function resultsLookup(results: RunResults, unmeasured?: Unmeasured): MetricLookup;
/** Checks every threshold of the run's scenario (results.scenario.thresholds) against its results, in order. */
export declare function evaluateResultsThresholds(results: RunResults, expressions?: readonly string[]): ThresholdOutcome[];
export {};
