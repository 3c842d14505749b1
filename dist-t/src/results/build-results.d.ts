import type { JournalEvent } from '../journal/events.js';
import type { RunResults } from './results.js';
/** Every failure mode the watchdog can declare; each gets hours-to-failure figures even when it never happened. */
export declare const FAILURE_MODES: readonly ["crash", "hang", "memory", "loss"];
/**
 * Folds a run's journal into its results. The live run and `duress report` both come here, so a report
 * rebuilt from the journal says exactly what the run said. A journal cut off early (duress was killed)
 * still gives results for everything it holds: instances still running count their time up to the last
 * interval, and delivery figures are those of the last interval, marked not final.
 */
export declare function buildResults(events: readonly JournalEvent[]): RunResults;
