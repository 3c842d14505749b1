import path from 'node:path';
import { CellStartError } from '../engine/cell-start-error.js';
import { makeTempFolder, reapStaleFolders, removeTempFolder } from '../core/temp-folders.js';
import type { HarnessEvent } from '../journal/events.js';
import { runScenario as runCells, type RunProgress as CellsProgress } from '../engine/run.js';
import { ExitCode, signalExitCode } from '../core/errors.js';
import { buildReportModel, type ReportModel } from '../report/model.js';
import { createDir } from '../report/output-dir.js';
import type { RunResults } from '../results/results.js';
import { reportExitCode, writeReports, type WriteReportsOptions } from '../report/write-reports.js';
import type { LoadedScenario } from './scenario.js';
import type { Shard } from '../core/shard.js';

/**
 * A run's progress, about once a wall second: `wallMs` since it started, and each cell's phase (`start`:
 * instances booting; `load`; `drain`; `done`), scenario time `at` of `duration`, instances, exposure in
 * scenario hours, failures so far, and records generated and delivered.
 */
export type RunProgress = CellsProgress;
export type { HarnessEvent } from '../journal/events.js';

/** How a scenario is run, and where its journal, results and reports go. */
export interface RunScenarioOptions {
  /**
   * The run folder: the journal (journal.jsonl, written as the run goes), results.json and the reports the
   * scenario's `report.formats` ask for (report.md, report.html, report.json, junit.xml), created if missing.
   * Without it the journal goes to a temporary folder that is removed once the results are built, and no
   * report is written (render them with renderReport).
   */
  out?: string;
  /** Ends the load early (the drain is cut short); what ran is still measured, returned and written. */
  signal?: AbortSignal;
  /** Drive faults through this real Toxiproxy server (http://host:8474) instead of the embedded one. */
  toxiproxyUrl?: string;
  /** Every cell's phase, scenario time, exposure, failures, generated and delivered records: about once a wall second. */
  onProgress?: (progress: RunProgress) => void;
  /** duress's own trouble as it happens (a stalled event loop, a worker that could not boot); every one is also in the results. */
  onHarness?: (event: HarnessEvent) => void;
  /** With `out`: which reports are written and where the terminal summary goes (by default: the scenario's formats; the terminal summary nowhere). */
  reports?: WriteReportsOptions;
  /**
   * Run only this shard's share: `{ index: 2, count: 4 }` (index from 1) runs a quarter of every cell's
   * instance slots, with the whole fault timeline on them (core/shard.ts says how slots are dealt). Its
   * thresholds are not judged; `mergeShards` (duress merge) folds every shard's run folder into the whole run.
   */
  shard?: Shard;
}

/** What a run measured, its report model and the exit code `duress run` would end with. */
export interface RunOutcome {
  results: RunResults;
  /** What every report shows (renderReport lays it out). */
  report: ReportModel;
  /**
   * 0 passed; 1 a threshold failed; 4 incomplete; 130 or 143 stopped early by `signal` (143 when its
   * reason names SIGTERM). See ExitCode.
   */
  exitCode: ExitCode;
  /** The run folder (`out`, resolved), or undefined when none was asked for. */
  dir: string | undefined;
}

/**
 * Runs a loaded scenario: every cell side by side, its load for its duration under its faults, then a
 * drain and a stop. A fault or crash of a system under test never makes this reject: it is measured. It
 * rejects with a CellStartError (exit 3) when a cell cannot start (its `results` hold what the other cells
 * ran, and with `out` the reports are written before it rejects), and with an InputError when `out` cannot
 * be created. `duress run` is this function with a progress display.
 */
export async function runScenario(loaded: LoadedScenario, options: RunScenarioOptions = {}): Promise<RunOutcome> {
  const dir = options.out === undefined ? undefined : path.resolve(options.out);
  if (dir !== undefined) createDir(dir, `the run folder ${options.out}`);
  // What a duress killed with SIGKILL left in the temporary folder goes before this run makes its own.
  reapStaleFolders();
  const journalDir = dir ?? makeTempFolder('duress-run-');
  try {
    let results: RunResults;
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
    } catch (err) {
      // What the cells that did start ran is still reported.
      if (err instanceof CellStartError && dir !== undefined) await writeReports(err.results, dir, options.reports);
      throw err;
    }
    const { exitCode, model } = dir === undefined ? reportOnly(results) : await writeReports(results, dir, options.reports);
    return { results, report: model, exitCode: runExitCode(results, exitCode), dir };
  } finally {
    if (dir === undefined) removeTempFolder(journalDir);
  }
}

function reportOnly(results: RunResults): { exitCode: ExitCode; model: ReportModel } {
  const model = buildReportModel(results);
  return { exitCode: reportExitCode(model), model };
}

/** A run stopped early ends with the signal's code; one whose journal ends early is incomplete; else the reports' verdict. */
function runExitCode(results: RunResults, reported: ExitCode): ExitCode {
  if (results.run.interrupted !== undefined) return signalExitCode(results.run.interrupted);
  return results.run.complete ? reported : ExitCode.incomplete;
}
