import { type BenchResult } from './bench-util.js';
/**
 * Memory over a long run. (1) The delivery ledger fed RECORDS records from 4 sources (in order, with a
 * duplicate and a reordered pair every 1,000 records): its per-record state and the process's heap plus
 * array buffers right after a forced full collection, at ten checkpoints; target: the last checkpoint no more than 10% (and 4 MB) above the
 * second, and the state at most one window per source. The ledger before windowing held one byte per
 * record: RECORDS bytes here. (2) duress's resident memory per instance: the same forwarder scenario
 * with 2 and with 8 instances, WALL_SECONDS of wall time each; per instance = the difference / 6.
 */
export declare function benchLedgerMemory(): Promise<BenchResult>;
