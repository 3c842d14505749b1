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
    throughput: { kind: 'rate', description: 'Records delivered per second of scenario time.' },
};
/** Other spellings accepted for a metric: `loss` as in design.md, `p99_9` as in LatencySummary. */
export const THRESHOLD_METRIC_ALIASES = { loss: 'lost', p99_9: 'p99.9' };
/** Metrics that a `mode=` selector applies to: the failure-based ones. */
export const MODE_METRICS = ['htf', 'htf_lower', 'failures'];
export function isThresholdMetric(name) {
    return Object.hasOwn(THRESHOLD_METRICS, name);
}
//# sourceMappingURL=threshold-metrics.js.map