import { type Histogram } from '../../metrics/histogram.js';
import type { LoadResult } from './load-options.js';
/**
 * One thread's part of a run, as it crosses from a worker thread to the caller: plain counts and encoded
 * histograms. `startEpochMs`/`endEpochMs` are on the shared time axis (performance.timeOrigin + now).
 */
export interface LoadPart extends Omit<LoadResult, 'elapsedMs'> {
    startEpochMs: number;
    endEpochMs: number;
}
/** What one thread counts while it runs; `part()` freezes it into a LoadPart. */
export declare class LoadTally {
    readonly model: 'open' | 'closed';
    due: number;
    sent: number;
    responses: number;
    shortfall: number;
    bytesReceived: number;
    readonly statuses: Map<number, number>;
    readonly errors: Map<string, number>;
    readonly corrected: Histogram | undefined;
    readonly uncorrected: Histogram;
    constructor(model: 'open' | 'closed');
    status(code: number): void;
    error(kind: string, count?: number): void;
    get errorCount(): number;
    part(startEpochMs: number, endEpochMs: number): LoadPart;
}
/**
 * The whole run from its threads' parts: counts summed, histograms merged without loss (every part has
 * the same explicit range), elapsed from the earliest start to the latest end.
 */
export declare function mergeLoadParts(parts: readonly LoadPart[]): LoadResult;
