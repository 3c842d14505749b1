import { type LatencySummary } from '../../metrics/histogram.js';
import type { LoadProgress, LoadResult } from '../../systems/http/load-options.js';
import type { ThresholdResult } from '../../stats/thresholds.js';
/** What `duress load` reports, derived once from a LoadResult: for the table, the JSON and the thresholds. */
export interface LoadSummary {
    model: 'open' | 'closed';
    elapsedMs: number;
    /** Complete responses per second of elapsed time. */
    requestsPerSecond: number;
    due: number;
    sent: number;
    responses: number;
    shortfall: number;
    bytesReceived: number;
    statuses: Record<string, number>;
    errors: Record<string, number>;
    /** From the due time; open model only. */
    corrected?: LatencySummary;
    /** From the send. */
    uncorrected: LatencySummary;
}
export declare function summarizeLoad(r: LoadResult): LoadSummary;
/** The result as autocannon prints it: latency first (both figures, labelled), then counts. */
export declare function renderLoadTable(s: LoadSummary, target: string): string;
export declare function renderThresholds(results: readonly ThresholdResult[]): string;
export declare function progressLine(p: LoadProgress): string;
