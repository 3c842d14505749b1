import { formatDuration } from '../core/units.js';
import { formatHours } from './format-htf.js';
import { THRESHOLD_METRICS } from './threshold-metrics.js';
const COMPARE = {
    '<': (m, l) => m < l,
    '<=': (m, l) => m <= l,
    '>': (m, l) => m > l,
    '>=': (m, l) => m >= l,
    '==': (m, l) => m === l,
    '!=': (m, l) => m !== l,
};
/** `{variant=patch,mode=hang}`; empty string for no selector. */
export function formatSelector(selector) {
    const pairs = Object.entries(selector);
    return pairs.length === 0 ? '' : `{${pairs.map(([k, v]) => `${k}=${v}`).join(',')}}`;
}
/**
 * A value in its metric's unit, for messages: `120h`, `2.4s`, `0.9995`, `3`. `precise` keeps 10 significant
 * digits (hours in h, latency in ms), for when the rounded forms of two different values look the same.
 */
export function formatMetricValue(metric, value, precise = false) {
    const digits = (v, n) => String(Number(v.toPrecision(n)));
    switch (THRESHOLD_METRICS[metric].kind) {
        case 'hours':
            return precise ? `${digits(value, 10)}h` : formatHours(value);
        case 'latency':
            return precise ? `${digits(value, 10)}ms` : formatDuration(value);
        case 'rate':
            return `${digits(value, precise ? 10 : 6)}/s`;
        default:
            return digits(value, precise ? 10 : 6);
    }
}
/**
 * Checks one threshold against `lookup(metric, selector)`. Comparison is exact, in the metric's unit. A
 * missing measurement fails (reason `no cell matches {…}`, or `nothing measured for …` without a selector),
 * as does a measurement that is not a number: a threshold is never passed by default.
 */
export function evaluateThreshold(threshold, lookup) {
    const { expression, metric, selector, operator, value } = threshold;
    const measured = lookup(metric, selector);
    if (measured === undefined) {
        const where = formatSelector(selector);
        return { expression, measured, passed: false, reason: where ? `no cell matches ${where}` : `nothing measured for ${metric}` };
    }
    if (Number.isNaN(measured))
        return { expression, measured, passed: false, reason: `${metric} is not a number` };
    if (COMPARE[operator](measured, value))
        return { expression, measured, passed: true };
    let shown = formatMetricValue(metric, measured);
    let limit = formatMetricValue(metric, value);
    if (shown === limit && measured !== value) {
        shown = formatMetricValue(metric, measured, true);
        limit = formatMetricValue(metric, value, true);
    }
    return { expression, measured, passed: false, reason: `measured ${shown}, needs ${operator} ${limit}` };
}
/** Checks every threshold (see evaluateThreshold), in order. The run passes when every result passed. */
export function evaluateThresholds(thresholds, lookup) {
    return thresholds.map((t) => evaluateThreshold(t, lookup));
}
//# sourceMappingURL=thresholds.js.map