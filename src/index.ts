/**
 * duress as a library: `import { loadScenario, runScenario, renderReport } from 'duress'`.
 *
 * This file is the whole public API, as an explicit list: what is not exported here is internal and may
 * change in any release. Everything the CLI does is one of these functions (plus its flags and display):
 *
 *   const loaded = await loadScenario('scenarios/quickstart.yaml', { set: { duration: '5s' } });
 *   const { results, exitCode } = await runScenario(loaded, { out: 'reports/mine', onProgress: console.log });
 *   console.log(renderReport(results, 'markdown'));
 *
 * Errors a caller can act on are DuressError subclasses: InputError (bad input, exit 2), ScenarioError
 * (every problem of a scenario with its file:line:column, exit 2), CellStartError (a cell could not start,
 * exit 3, with the results of what ran), InterruptedError. ExitCode is the CLI's exit-code table.
 */

import type { CellResults as CellFigures } from './results/results.js';
import type { ReportFormat as ReportFormatName } from './scenario/types.js';

// Scenarios: load and validate (a file or YAML text), with overrides and a subset of the matrix.
export { checkScenario, loadScenario, parseScenario } from './api/scenario.js';
export type { LoadedScenario, LoadScenarioOptions, ScenarioCheck } from './api/scenario.js';
export type { ScenarioOverride } from './scenario/overrides.js';
export type { CellDefinition } from './scenario/matrix.js';
export type { Scenario } from './scenario/types.js';

// Runs: progress events, an abort signal, the run folder with its journal, results and reports.
export { runScenario } from './api/run.js';
export type { HarnessEvent, RunOutcome, RunProgress, RunScenarioOptions } from './api/run.js';

// Results: read a run back, render it in any format, write a run folder's reports, compare two runs.
export { compareRuns, readResults, renderComparison, renderReport, REPORT_FORMAT_NAMES } from './api/results.js';
export type { ComparedRun, RenderReportOptions } from './api/results.js';
export { writeReports } from './report/write-reports.js';
export type { TerminalOutput, WriteReportsOptions } from './report/write-reports.js';
export type { RunResults } from './results/results.js';
export type { ReportModel } from './report/model.js';
export type { Comparison } from './report/compare.js';

// Servers on their own: the Toxiproxy-compatible fault proxy and the mock CloudWatch Logs sink.
export { startCloudWatchSink, startFaultProxy } from './api/servers.js';
export type { CloudWatchSinkServer, CloudWatchSinkServerOptions, FaultProxy, FaultProxyOptions } from './api/servers.js';

// ─── Extension points: registered from the user's own module (issue 13 items 1–3). ──────────────────────
// TODO(coordinator): toxics and fault kinds (h-faults, now on main): export registerToxicKind, toxicAttributes,
//   registerFaultKind and their types (ToxicKindOptions, Toxic, ToxicStub, INTERRUPTED, FaultKind...) from
//   './faults/toxiproxy.js', and the unit-field helpers a toxic's params use (duration(), size()... from
//   scenario/fields.ts, moving to core/). test/fixtures/toy-toxic.ts is the example to run through 'duress'.
// TODO(coordinator, after merging h-kinds): the system-kind registration and its interface (SystemKind).
// TODO(coordinator, after the sink work): the sink registration and its `Sink` interface.
// Each export needs a doc comment on its declaration. test/cli/package.test.ts uses the packed API from a
// fresh project: add a use of each to its good.ts (types) and, if it fits, to the README's library example.
// ───────────────────────────────────────────────────────────────────────────────────────────────────────────

// Errors and exit codes.
export { CellStartError } from './engine/cell-start-error.js';
export { DuressError, ExitCode, formatProblem, InputError, InterruptedError, ScenarioError, signalExitCode } from './core/errors.js';
export type { ScenarioProblem } from './core/errors.js';

/** duress's version (package.json's). */
export { VERSION } from './core/version.js';

/** A report format's name, as a scenario's `report.formats` and renderReport take it. */
export type ReportFormat = ReportFormatName;

/** What one cell of a run measured: exposure, failures, hours to failure, delivery, latency, faults, over time. */
export type CellResults = CellFigures;
