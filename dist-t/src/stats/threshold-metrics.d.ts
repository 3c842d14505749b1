/**
 * The metrics a threshold may name, what each measures, and the unit its value is compared in.
 *
 * Kinds and their units:
 * - `hours`: scenario hours. A bare number is hours; a duration (`100h`, `2d`, `90m`) is converted to hours.
 * - `latency`: milliseconds of scenario time. A bare number is ms; a duration (`500ms`, `2s`) is converted to ms.
 * - `count`: a plain whole or decimal number, no unit.
 * - `ratio`: a plain number (`0.999`) or a percentage (`99.9%`, divided by 100).
 * - `rate`: per second of scenario time; a bare number is per second, or a rate (`2000/s`, `120/m`, `10/h`).
 */
export type MetricKind = 'hours' | 'latency' | 'count' | 'ratio' | 'rate';
export interface MetricInfo {
    kind: MetricKind;
    description: string;
}
export declare const THRESHOLD_METRICS: {
    readonly htf: {
        readonly kind: "hours";
        readonly description: "Hours to failure as in the seed: exposure / max(failures, 1), scenario hours.";
    };
    readonly htf_lower: {
        readonly kind: "hours";
        readonly description: "One-sided lower confidence bound on the mean hours to failure, 2T / chi2(confidence; 2r + 2), scenario hours.";
    };
    readonly failures: {
        readonly kind: "count";
        readonly description: "Failures observed (crash, hang, silent loss, memory limit, broken SLO).";
    };
    readonly p50: {
        readonly kind: "latency";
        readonly description: "End-to-end latency, 50th percentile (ms).";
    };
    readonly p90: {
        readonly kind: "latency";
        readonly description: "End-to-end latency, 90th percentile (ms).";
    };
    readonly p99: {
        readonly kind: "latency";
        readonly description: "End-to-end latency, 99th percentile (ms).";
    };
    readonly 'p99.9': {
        readonly kind: "latency";
        readonly description: "End-to-end latency, 99.9th percentile (ms).";
    };
    readonly max: {
        readonly kind: "latency";
        readonly description: "End-to-end latency, maximum (ms).";
    };
    readonly mean: {
        readonly kind: "latency";
        readonly description: "End-to-end latency, mean (ms).";
    };
    readonly lost: {
        readonly kind: "count";
        readonly description: "Records accepted but never delivered and never reported as dropped.";
    };
    readonly dropped: {
        readonly kind: "count";
        readonly description: "Records the system reported dropping.";
    };
    readonly duplicated: {
        readonly kind: "count";
        readonly description: "Records delivered more than once (each counted once).";
    };
    readonly reordered: {
        readonly kind: "count";
        readonly description: "Records first delivered after a later record of the same source.";
    };
    readonly delivered: {
        readonly kind: "count";
        readonly description: "Distinct records delivered.";
    };
    readonly delivered_ratio: {
        readonly kind: "ratio";
        readonly description: "Distinct records delivered / records generated, 0 to 1.";
    };
    readonly throughput: {
        readonly kind: "rate";
        readonly description: "Records delivered per second of scenario time.";
    };
};
export type ThresholdMetric = keyof typeof THRESHOLD_METRICS;
/** Other spellings accepted for a metric: `loss` as in design.md, `p99_9` as in LatencySummary. */
export declare const THRESHOLD_METRIC_ALIASES: Readonly<Record<string, ThresholdMetric>>;
/** Metrics that a `mode=` selector applies to: the failure-based ones. */
export declare const MODE_METRICS: readonly ThresholdMetric[];
export declare function isThresholdMetric(name: string): name is ThresholdMetric;
