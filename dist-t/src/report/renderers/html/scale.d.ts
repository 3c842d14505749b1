/** Maps a domain onto pixels; `ticks` are the domain values worth a grid line and a label. */
export interface Scale {
    (value: number): number;
    ticks: number[];
}
export declare function linearScale(domain: readonly [number, number], range: readonly [number, number], ticks: number[]): Scale;
/** Log10 scale; values at or below 0 are drawn at the domain's low end. Ticks at powers of ten unless given. */
export declare function logScale(domain: readonly [number, number], range: readonly [number, number], ticks?: readonly number[]): Scale;
/** A log scale of durations (ms) from the tick at or below `min` to the tick at or above `max`. */
export declare function logDurationScale(min: number, max: number, range: readonly [number, number]): Scale;
/** Round numbers (1, 2, 5 × 10^k) from 0 to at least `max`, about `count` of them. */
export declare function niceTicks(max: number, count?: number): number[];
/** Ticks on a time axis (ms) at round durations: 5s, 30s, 1m, 15m, 1h, 6h, 1d… */
export declare function timeTicks(maxMs: number, count?: number): number[];
/**
 * Labels for a time axis, all in one unit: the largest the tick step is a whole multiple of, so ticks
 * read `0, 20h, 40h…`, `0, 1d, 2d…` or `0, 30s, 60s…`.
 */
export declare function timeLabeler(ticks: readonly number[]): (ms: number) => string;
/** Axis label of a latency in ms: `500µs`, `20ms`, `1.5s`, `2m`. */
export declare function latencyLabel(ms: number): string;
/** Axis label of a rate: `1.2k/s`. */
export declare function rateLabel(perSecond: number): string;
