import type { CellReport, FailureEntry } from '../../model.js';
/** End-to-end latency percentiles of each metrics interval over scenario time, with the cell's failures marked. */
export declare function latencyChart(cell: CellReport, failures: readonly FailureEntry[]): string;
