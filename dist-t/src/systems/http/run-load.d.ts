import type { LoadOptions, LoadResult } from './load-options.js';
import { type ThreadShare } from './load-thread.js';
/**
 * Runs an HTTP load (see LoadOptions) on `options.workers` worker threads and merges what they measured.
 * Each thread gets an equal share of the connections (the first ones one more when they do not divide) and
 * every `workers`-th request of the arrival schedule, so the threads together send exactly the schedule.
 * The threads start together, at one instant on the time axis they share.
 */
export declare function runLoad(options: LoadOptions): Promise<LoadResult>;
export declare function threadShares(o: LoadOptions): ThreadShare[];
