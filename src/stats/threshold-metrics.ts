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

export const THRESHOLD_METRICS = {
  htf: { kind: 'hours', description: 'Hours to failure as in the seed: exposure / max(failures, 1), scenario hours.' },
  htf_lower: {
    kind: 'hours',
    description: 'One-sided lower confidence bound on the mean hours to failure, 2T / chi2(confidence; 2r + 2), scenario hours.',
  },
  failures: { kind: 'count', description: 'Failures observed (crash, hang, silent loss, memory limit, broken SLO).' },
  p50: { kind: 'latency', description: 'End-to-end latency, 50th percentile (ms).' },
  p90: { kind: 'latency', description: 'End-to-end latency, 90th percentile (ms).' },
  p99: { kind: 'latency', description: 'End-to-end latency, 99th percentile (ms).' },
  'p99.9': { kind: 'latency', description: 'End-to-end latency, 99.9th percentile (ms).' },
  max: { kind: 'latency', description: 'End-to-end latency, maximum (ms).' },
  mean: { kind: 'latency', description: 'End-to-end latency, mean (ms).' },
  lost: { kind: 'count', description: 'Records accepted but never delivered and never reported as dropped.' },
  dropped: { kind: 'count', description: 'Records the system reported dropping.' },
  duplicated: { kind: 'count', description: 'Records delivered more than once (each counted once).' },
  reordered: { kind: 'count', description: 'Records first delivered after a later record of the same source.' },
  delivered: { kind: 'count', description: 'Distinct records delivered.' },
  delivered_ratio: { kind: 'ratio', description: 'Distinct records delivered / records generated, 0 to 1.' },
  throughput: { kind: 'rate', description: 'Records delivered per second of scenario time (an HTTP load: responses per second).' },
  shortfall: {
    kind: 'count',
    description: "Requests an HTTP load's schedule made due that its generator never sent (it fell behind, or every connection was busy to the end).",
  },
  failed_requests: { kind: 'count', description: "Requests that did not succeed, by the system kind's rule (an HTTP load: errors, and statuses outside 200-399)." },
} as const satisfies Record<string, MetricInfo>;

export type ThresholdMetric = keyof typeof THRESHOLD_METRICS;

/** Other spellings accepted for a metric: `loss` as in design.md, `p99_9` as in LatencySummary. */
export const THRESHOLD_METRIC_ALIASES: Readonly<Record<string, ThresholdMetric>> = { loss: 'lost', p99_9: 'p99.9' };

/** Metrics that a `mode=` selector applies to: the failure-based ones. */
export const MODE_METRICS: readonly ThresholdMetric[] = ['htf', 'htf_lower', 'failures'];

export function isThresholdMetric(name: string): name is ThresholdMetric {
  return Object.hasOwn(THRESHOLD_METRICS, name);
}
