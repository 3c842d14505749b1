import { type ThresholdMetric } from './threshold-metrics.js';
export type ThresholdOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
/** A parsed threshold. `value` is in the metric's unit (see threshold-metrics.ts): hours, ms, or plain. */
export interface Threshold {
    /** The expression as written, trimmed. */
    expression: string;
    metric: ThresholdMetric;
    /** `{variant=patch,mode=hang}` as key → value, in the order written; empty when there is no selector. */
    selector: Readonly<Record<string, string>>;
    operator: ThresholdOperator;
    value: number;
}
export type ParseThresholdResult = {
    ok: true;
    threshold: Threshold;
} | {
    ok: false;
    message: string;
    column: number;
};
/**
 * Parses one threshold expression (grammar above). Never throws: a bad expression gives a message that
 * quotes it and names the 1-based column of the problem, e.g.
 * `threshold "p99 << 2s": expected a value after "<" at column 6`.
 *
 * Values are converted to the metric's unit: hours for htf and htf_lower (`100h`, `2d`, a bare number is
 * hours), ms for latency metrics (`2s`, `500ms`, a bare number is ms), per second for throughput, and plain
 * numbers for counts and ratios (`99.9%` is 0.999).
 */
export declare function parseThreshold(text: string): ParseThresholdResult;
