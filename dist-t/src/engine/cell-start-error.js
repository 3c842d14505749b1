import { DuressError, ExitCode } from '../core/errors.js';
/**
 * A cell of the run could not start (its servers, routes or timeline): duress's own trouble, exit 3. The
 * other cells were stopped and everything that ran is in `results` (and the journal), so the caller can
 * still write the reports before it exits.
 */
export class CellStartError extends DuressError {
    results;
    constructor(message, results, cause) {
        super('DURESS_CELL_START', message, { exitCode: ExitCode.internal, cause });
        this.name = 'CellStartError';
        this.results = results;
    }
}
//# sourceMappingURL=cell-start-error.js.map