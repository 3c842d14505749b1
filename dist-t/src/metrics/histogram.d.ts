import * as hdr from 'hdr-histogram-js';
/**
 * HDR latency histograms, in microseconds, with an explicit range so that every histogram duress makes
 * can be merged with every other (results of shards, intervals, cells) without loss.
 */
export type Histogram = hdr.Histogram;
/** An empty latency histogram (µs, 1 µs .. 24 h); fill it with recordMs. */
export declare function createHistogram(): Histogram;
/** Records a latency given in (scenario) milliseconds; values below 1 µs count as 1 µs. */
export declare function recordMs(h: Histogram, ms: number): void;
/** Compact, lossless text form for results.json and the journal (HdrHistogram's compressed base64). */
export declare function encodeHistogram(h: Histogram): string;
export declare function decodeHistogram(encoded: string): Histogram;
export declare function mergeHistograms(parts: Iterable<Histogram>): Histogram;
/**
 * Calls `visit` once per distinct recorded value of `h` (the highest value its HDR bucket stands for, in
 * scenario ms) with how many values were recorded there, lowest first.
 */
export declare function forEachRecordedMs(h: Histogram, visit: (ms: number, count: number) => void): void;
export declare const PERCENTILES: readonly [50, 90, 99, 99.9];
/** Percentiles in milliseconds, ready to print or serialise. */
export interface LatencySummary {
    count: number;
    min: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    p99_9: number;
    max: number;
}
export declare function summarize(h: Histogram): LatencySummary;
/**
 * Runs every histogram operation once, so that their first (compiling) calls do not stall a thread in the
 * middle of a measurement: the first percentile query alone takes tens of ms.
 */
export declare function warmUpHistograms(): void;
