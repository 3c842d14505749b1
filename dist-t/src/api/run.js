import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CellStartError } from '../engine/cell-start-error.js';
import { runScenario as runCells } from '../engine/run.js';
import { ExitCode, signalExitCode } from '../core/errors.js';
import { buildReportModel } from '../report/model.js';
import { createDir } from '../report/output-dir.js';
import { reportExitCode, writeReports } from '../report/write-reports.js';
/**
 * Runs a loaded scenario: every cell side by side, its load for its duration under its faults, then a
 * drain and a stop. A fault or crash of a system under test never makes this reject: it is measured. It
 * rejects with a CellStartError (exit 3) when a cell cannot start (its `results` hold what the other cells
 * ran, and with `out` the reports are written before it rejects), and with an InputError when `out` cannot
 * be created. `duress run` is this function with a progress display.
 */
export async function runScenario(loaded, options = {}) {
    const dir = options.out === undefined ? undefined : path.resolve(options.out);
    if (dir !== undefined)
        createDir(dir, `the run folder ${options.out}`);
    const journalDir = dir ?? mkdtempSync(path.join(tmpdir(), 'duress-run-'));
    try {
        let results;
        try {
            results = await runCells(loaded.scenario, loaded.cells, {
                file: loaded.name,
                dir: journalDir,
                signal: options.signal,
                toxiproxyUrl: options.toxiproxyUrl,
                onProgress: options.onProgress,
                onHarness: options.onHarness,
                shard: options.shard,
            });
        }
        catch (err) {
            // What the cells that did start ran is still reported.
            if (err instanceof CellStartError && dir !== undefined)
                await writeReports(err.results, dir, options.reports);
            throw err;
        }
        const { exitCode, model } = dir === undefined ? reportOnly(results) : await writeReports(results, dir, options.reports);
        return { results, report: model, exitCode: runExitCode(results, exitCode), dir };
    }
    finally {
        if (dir === undefined)
            rmSync(journalDir, { recursive: true, force: true });
    }
}
function reportOnly(results) {
    const model = buildReportModel(results);
    return { exitCode: reportExitCode(model), model };
}
/** A run stopped early ends with the signal's code; one whose journal ends early is incomplete; else the reports' verdict. */
function runExitCode(results, reported) {
    if (results.run.interrupted !== undefined)
        return signalExitCode(results.run.interrupted);
    return results.run.complete ? reported : ExitCode.incomplete;
}
//# sourceMappingURL=run.js.map