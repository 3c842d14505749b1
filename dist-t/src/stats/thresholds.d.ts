import { type ThresholdMetric } from './threshold-metrics.js';
import type { Threshold } from './thresholds-parser.js';
/**
 * The measurement a threshold is checked against: the metric for the cells its selector matches, in the
 * metric's unit (hours, ms, or plain; see threshold-metrics.ts). Undefined when no cell matches the selector
 * or nothing was measured.
 */
export type MetricLookup = (metric: ThresholdMetric, selector: Readonly<Record<string, string>>) => number | undefined;
export interface ThresholdResult {
    expression: string;
    /** In the metric's unit; undefined when there was no measurement. */
    measured: number | undefined;
    passed: boolean;
    /** Why it failed, e.g. `measured 2.4s, needs < 2s` or `no cell matches {variant=x}`. */
    reason?: string;
}
/** `{variant=patch,mode=hang}`; empty string for no selector. */
export declare function formatSelector(selector: Readonly<Record<string, string>>): string;
/**
 * A value in its metric's unit, for messages: `120h`, `2.4s`, `0.9995`, `3`. `precise` keeps 10 significant
 * digits (hours in h, latency in ms), for when the rounded forms of two different values look the same.
 */
export declare function formatMetricValue(metric: ThresholdMetric, value: number, precise?: boolean): string;
/**
 * Checks one threshold against `lookup(metric, selector)`. Comparison is exact, in the metric's unit. A
 * missing measurement fails (reason `no cell matches {…}`, or `nothing measured for …` without a selector),
 * as does a measurement that is not a number: a threshold is never passed by default.
 */
export declare function evaluateThreshold(threshold: Threshold, lookup: MetricLookup): ThresholdResult;
/** Checks every threshold (see evaluateThreshold), in order. The run passes when every result passed. */
export declare function evaluateThresholds(thresholds: readonly Threshold[], lookup: MetricLookup): ThresholdResult[];
