import type { FailureEvent } from '../journal/events.js';
import { type LatencySummary } from '../metrics/histogram.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
import { type HoursToFailure } from '../stats/hours-to-failure.js';
import type { CellResults, RunResults } from './results.js';
/**
 * Several cells taken as one: what thresholds with a selector and `duress compare` measure. Counts add up;
 * hours to failure is computed on the pooled exposure and failures (as if the cells shared one failure
 * rate); latency percentiles come from the merged end-to-end histograms, not from averaging percentiles.
 */
export interface CellPool {
    cells: CellResults[];
    /** Σ exposure, scenario hours. */
    exposureHours: number;
    failures: FailureEvent[];
    htf: HoursToFailure;
    delivery: DeliveryCounts;
    /** Every pooled cell's delivery is final (loss was judged). */
    deliveryFinal: boolean;
    /** Σ scenario ms the cells ran: delivered / this is the per-cell throughput, pooled. */
    scenarioMs: number;
    /** End-to-end latency of the merged histograms, ms. */
    latency: LatencySummary;
}
/**
 * The cells whose matrix values match every `key=value` of the selector. Keys in `ignore` (such as `mode`,
 * which selects failures, not cells) are skipped; a key that is not a matrix dimension matches nothing.
 */
export declare function selectCells(results: RunResults, selector: Readonly<Record<string, string>>, ignore?: readonly string[]): CellResults[];
/** Pools cells (see CellPool); `mode` keeps only the failures of that mode. */
export declare function poolCells(cells: readonly CellResults[], confidence: number, mode?: string): CellPool;
/** `variant=patch,keepalive=on` or `{variant=patch}` → { variant: 'patch', keepalive: 'on' }; undefined when malformed. */
export declare function parseCellSelector(text: string): Record<string, string> | undefined;
