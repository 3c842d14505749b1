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
export { compareRuns, readResults, renderComparison, renderReport, reportFormatNames } from './api/results.js';
export type { ComparedRun, RenderReportOptions } from './api/results.js';
export { writeReports } from './report/write-reports.js';
export type { TerminalOutput, WriteReportsOptions } from './report/write-reports.js';
export type { RunResults } from './results/results.js';
export type { ReportModel } from './report/model.js';

// Sharded runs: runScenario's `shard` runs one share (index from 1); mergeShards folds the shards' run folders into the whole run.
export { mergeShards, readShards } from './api/merge.js';
export type { MergeOutcome, MergeShardsOptions } from './api/merge.js';
export type { Shard } from './core/shard.js';
export type { Comparison } from './report/compare.js';

// Servers on their own: the Toxiproxy-compatible fault proxy and the mock CloudWatch Logs sink.
export { startCloudWatchSink, startFaultProxy } from './api/servers.js';
export type { CloudWatchSinkServer, CloudWatchSinkServerOptions, FaultProxy, FaultProxyOptions } from './api/servers.js';

// ─── Extension points: registered from the user's own module (ARCHITECTURE.md shows each) ──────────────
// Register before loading a scenario that names what you add: the scenario schema is rebuilt from the registries.

// Output modules: `system: { kind: module, path: ./my-output.js }` runs the module's default export, an
// OutputModule, under the scenario's load, faults and watchdog (README.md: "Your own output module").
export type { OutputClock, OutputContext, OutputModule, OutputRecord, OutputSink } from './systems/module/contract.js';

// System kinds: one SystemKind (its schema, links, isolation and its part of a cell) and one registration.
// Its worker module calls serveInstance; its cell accounts for deliveries (DeliveryLedger reads the record
// format's ids) and judges hangs with a Watch.
export { registerSystemKind } from './systems/registry.js';
export type { CellContext, CellSystem, DeliveryFeed, IntervalFigures, Isolation, LinkPlan, LiveInstance, Loss, RouteView, SystemKind } from './systems/system-kind.js';
export { Watch } from './systems/watch.js';
export type { Verdict } from './systems/watch.js';
export { serveInstance } from './systems/isolation/worker-protocol.js';
export type { BaseHeartbeat, BaseStopped, InstanceBody, Outgoing, SinkAccess, WorkerBaseData, WorkerContext } from './systems/isolation/worker-protocol.js';
export { relayedLookup } from './systems/isolation/lookup-relay.js';
export { DeliveryLedger } from './delivery/ledger.js';
export type { DeliveryCounts } from './delivery/ledger.js';
export { formatRecordMessage, parseRecordMessage } from './delivery/record-message.js';
export type { RecordIdentity } from './delivery/record-message.js';
export { createHistogram, recordMs } from './metrics/histogram.js';
export type { Histogram } from './metrics/histogram.js';
export { ScaledClock } from './core/clock.js';
export type { Clock, ClockSpec } from './core/clock.js';

// Sinks: one SinkKind (its schema and a factory of Sink) and one registration.
export { registerSinkKind } from './sinks/registry.js';
export type { DeliveredListener, Sink, SinkEndpoint, SinkFaultControl, SinkKind, SinkOptions } from './sinks/sink.js';

// Toxics and fault kinds: a toxic is one class and one registerToxicKind (its proxy type, scenario fault
// kind and attributes with their units); other faults are one registerFaultKind descriptor.
export { INTERRUPTED, TIMED_OUT, registerFaultKind, registerToxicKind, toxicAttributes } from './faults/toxiproxy.js';
export type {
  AttributeUnit,
  Chunk as ToxicChunk,
  FaultApplication,
  FaultKind,
  FaultTargets,
  LiftFault,
  SpecOf,
  Toxic,
  ToxicAttribute,
  ToxicKindOptions,
  ToxicPayload,
  ToxicSpecOf,
  ToxicStub,
} from './faults/toxiproxy.js';
// The unit fields of scenario schemas (a kind's, a sink's or a fault's): `500ms`, `2000/s`, `64KB`, `yes`.
export { duration, durationRange, flag, rate, size } from './core/fields.js';
// How a duration is written back in reports and descriptions (`1.5s`, `1h30m`).
export { formatDuration } from './core/units.js';

// Report formats: a renderer is a pure function of the report model, registered under a name and a file.
export { registerRenderer } from './report/renderers/index.js';
export type { ReportFormat, RenderOptions, Renderer, RendererKind } from './report/renderers/index.js';

// Errors and exit codes.
export { CellStartError } from './engine/cell-start-error.js';
export { DuressError, ExitCode, formatProblem, InputError, InterruptedError, ScenarioError, signalExitCode } from './core/errors.js';
export type { ScenarioProblem } from './core/errors.js';

/** duress's version (package.json's). */
export { VERSION } from './core/version.js';


/** What one cell of a run measured: exposure, failures, hours to failure, delivery, latency, faults, over time. */
export type CellResults = CellFigures;
