/** The percentiles compared, keyed as in LatencySummary. */
export const SHIFT_PERCENTILES = ['p50', 'p90', 'p99', 'p99_9'];
/**
 * The shift of each latency percentile (p50, p90, p99, p99.9) from A to B: absolute (b − a, ms) and
 * relative ((b − a) / a). Inputs are in ms, as in LatencySummary.
 */
export function latencyShift(a, b) {
    return SHIFT_PERCENTILES.map((percentile) => {
        const before = a[percentile];
        const after = b[percentile];
        return { percentile, a: before, b: after, absolute: after - before, relative: before === 0 ? undefined : (after - before) / before };
    });
}
//# sourceMappingURL=latency-shift.js.map