import type { IntervalEvent } from '../journal/events.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
/**
 * One cell's metrics intervals from several shards, folded into the intervals of the whole cell.
 *
 * Every shard journals an interval each `report.interval` of its cell's time, and a last one when the cell
 * stops (just before its `cell-end`). Shards line up by position: the k-th periodic interval of each shard
 * makes the k-th of the merge, and the shards' last intervals make its last. Their cumulative figures
 * (delivery, exposure, failures, requests, link counts) add; their histograms (this interval's latency)
 * merge without loss. A shard with fewer periodic intervals (its timer fired once less before the cell
 * stopped) adds its latest cumulative figures to the later ones, and no latency: its own last interval
 * holds that latency, so over the whole cell every recorded value is counted exactly once.
 */
export declare function mergeCellIntervals(perShard: readonly {
    intervals: readonly IntervalEvent[];
    ended: boolean;
}[], maxCounters: ReadonlySet<string>): IntervalEvent[];
/** Several shards' interval of one moment as one: counts add, latency merges (fresh parts only), maxima of duress's own figures. */
export declare function combineIntervals(parts: readonly {
    iv: IntervalEvent;
    fresh: boolean;
}[], maxCounters: ReadonlySet<string>): IntervalEvent;
/** Delivery counts added key by key. */
export declare function addCounts(all: readonly DeliveryCounts[]): DeliveryCounts;
/** Counts by name, added. */
export declare function addRecords(all: readonly Record<string, number>[]): Record<string, number>;
/** A system kind's counters: the maximum of those it declares maxima (cell-start's maxCounters), the sum of the rest. */
export declare function combineCounters(all: readonly Record<string, number>[], maxCounters: ReadonlySet<string>): Record<string, number>;
