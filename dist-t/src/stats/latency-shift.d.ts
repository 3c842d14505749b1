import type { LatencySummary } from '../metrics/histogram.js';
/** The percentiles compared, keyed as in LatencySummary. */
export declare const SHIFT_PERCENTILES: readonly ["p50", "p90", "p99", "p99_9"];
export type ShiftPercentile = (typeof SHIFT_PERCENTILES)[number];
/** How one percentile moved from A to B. */
export interface PercentileShift {
    percentile: ShiftPercentile;
    /** ms */
    a: number;
    /** ms */
    b: number;
    /** b − a, ms: positive when B is slower. */
    absolute: number;
    /** (b − a) / a: 0.25 means B is 25 % slower; undefined when a is 0. */
    relative: number | undefined;
}
/**
 * The shift of each latency percentile (p50, p90, p99, p99.9) from A to B: absolute (b − a, ms) and
 * relative ((b − a) / a). Inputs are in ms, as in LatencySummary.
 */
export declare function latencyShift(a: Pick<LatencySummary, ShiftPercentile>, b: Pick<LatencySummary, ShiftPercentile>): PercentileShift[];
