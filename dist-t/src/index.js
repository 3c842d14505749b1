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
// Scenarios: load and validate (a file or YAML text), with overrides and a subset of the matrix.
export { checkScenario, loadScenario, parseScenario } from './api/scenario.js';
// Runs: progress events, an abort signal, the run folder with its journal, results and reports.
export { runScenario } from './api/run.js';
// Results: read a run back, render it in any format, write a run folder's reports, compare two runs.
export { compareRuns, readResults, renderComparison, renderReport, reportFormatNames } from './api/results.js';
export { writeReports } from './report/write-reports.js';
// Sharded runs: runScenario's `shard` runs one share (index from 1); mergeShards folds the shards' run folders into the whole run.
export { mergeShards, readShards } from './api/merge.js';
// Servers on their own: the Toxiproxy-compatible fault proxy and the mock CloudWatch Logs sink.
export { startCloudWatchSink, startFaultProxy } from './api/servers.js';
// System kinds: one SystemKind (its schema, links, isolation and its part of a cell) and one registration.
// Its worker module calls serveInstance; its cell accounts for deliveries (DeliveryLedger reads the record
// format's ids) and judges hangs with a Watch.
export { registerSystemKind } from './systems/registry.js';
export { Watch } from './systems/watch.js';
export { serveInstance } from './systems/isolation/worker-protocol.js';
export { relayedLookup } from './systems/isolation/lookup-relay.js';
export { DeliveryLedger } from './delivery/ledger.js';
export { formatRecordMessage, parseRecordMessage } from './delivery/record-message.js';
export { createHistogram, recordMs } from './metrics/histogram.js';
export { ScaledClock } from './core/clock.js';
// Sinks: one SinkKind (its schema and a factory of Sink) and one registration.
export { registerSinkKind } from './sinks/registry.js';
// Toxics and fault kinds: a toxic is one class and one registerToxicKind (its proxy type, scenario fault
// kind and attributes with their units); other faults are one registerFaultKind descriptor.
export { INTERRUPTED, TIMED_OUT, registerFaultKind, registerToxicKind, toxicAttributes } from './faults/toxiproxy.js';
// The unit fields of scenario schemas (a kind's, a sink's or a fault's): `500ms`, `2000/s`, `64KB`, `yes`.
export { duration, durationRange, flag, rate, size } from './core/fields.js';
// How a duration is written back in reports and descriptions (`1.5s`, `1h30m`).
export { formatDuration } from './core/units.js';
// Report formats: a renderer is a pure function of the report model, registered under a name and a file.
export { registerRenderer } from './report/renderers/index.js';
// Errors and exit codes.
export { CellStartError } from './engine/cell-start-error.js';
export { DuressError, ExitCode, formatProblem, InputError, InterruptedError, ScenarioError, signalExitCode } from './core/errors.js';
/** duress's version (package.json's). */
export { VERSION } from './core/version.js';
//# sourceMappingURL=index.js.map