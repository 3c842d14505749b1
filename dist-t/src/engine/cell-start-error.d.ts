import { DuressError } from '../core/errors.js';
import type { RunResults } from '../results/results.js';
/**
 * A cell of the run could not start (its servers, routes or timeline): duress's own trouble, exit 3. The
 * other cells were stopped and everything that ran is in `results` (and the journal), so the caller can
 * still write the reports before it exits.
 */
export declare class CellStartError extends DuressError {
    readonly results: RunResults;
    constructor(message: string, results: RunResults, cause: unknown);
}
