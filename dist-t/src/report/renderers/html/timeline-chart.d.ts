import type { CellReport, FailureEntry } from '../../model.js';
/**
 * Throughput (records first delivered per scenario second, per interval) above the fault timeline: one
 * lane per fault kind with a bar per occurrence, and a lane of failures, all on the same time axis.
 */
export declare function timelineChart(cell: CellReport, failures: readonly FailureEntry[], faultColor: (kind: string) => string): string;
