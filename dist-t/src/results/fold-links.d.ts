import type { CellStartEvent, IntervalEvent } from '../journal/events.js';
import type { CellLinks } from './results.js';
/**
 * A cell's per-link figures, folded from its intervals: each link's latency from every interval's
 * histogram merged, its counts from the last interval (they are cumulative). The report section comes from
 * the cell's `cell-start` (the engine wrote the kind's there). Undefined when no interval has link figures
 * (a system kind that does not report per link), or when no section says how to show them.
 */
export declare function foldLinks(start: CellStartEvent | undefined, intervals: readonly IntervalEvent[]): CellLinks | undefined;
