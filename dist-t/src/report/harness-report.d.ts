import type { HarnessResults } from '../results/fold-harness.js';
import type { RunResults } from '../results/results.js';
/** What every report says about duress's own health during the run (from results.harness). */
export interface HarnessReport {
    /** Was the harness in trouble (an event, or a latency figure its lag may have distorted)? */
    inTrouble: boolean;
    /** One line stating the lag, always present: `harness lag: main thread up to 35 ms, …`. */
    lagLine: string;
    /** One line per kind of trouble, and one naming the distorted figures; empty when none. */
    troubleLines: string[];
    /** The results' figures, for JSON readers and JUnit properties. */
    figures: HarnessResults | undefined;
}
export declare function harnessReport(results: RunResults): HarnessReport;
