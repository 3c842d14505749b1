import type { FaultRecord, IntervalPoint } from '../results/results.js';
/** What one fault occurrence did, read from the metrics intervals around it. */
export interface FaultImpact {
    id: string;
    description: string;
    slots: number[];
    /** Scenario ms since the cell's start. */
    start: number;
    end: number | undefined;
    /** Worst interval p99 end-to-end latency during the fault, and in the interval just before it (scenario ms). */
    p99Before: number | undefined;
    p99During: number | undefined;
    /** Records first delivered per scenario second: the interval before, and on average during the fault. */
    deliveredPerSecondBefore: number | undefined;
    deliveredPerSecondDuring: number | undefined;
    /** Output requests that did not succeed during the fault (retries follow from these). */
    failedRequestsDuring: number;
    /** Failures declared during the fault (on any instance of the cell). */
    failuresDuring: number;
    error: string | undefined;
}
/**
 * Ties each fault occurrence to the metrics intervals it overlaps, so a report can say what the fault
 * did. An interval ending at `at` covers (previous at, at]; it overlaps a fault when the two meet at all.
 * The figures are as fine as the metrics interval: a fault shorter than an interval is blurred into it.
 */
export declare function faultImpacts(faults: readonly FaultRecord[], overTime: readonly IntervalPoint[]): FaultImpact[];
