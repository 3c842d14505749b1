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
export { checkScenario, loadScenario, parseScenario } from './api/scenario.js';
export type { LoadedScenario, LoadScenarioOptions, ScenarioCheck } from './api/scenario.js';
export type { ScenarioOverride } from './scenario/overrides.js';
export type { CellDefinition } from './scenario/matrix.js';
export type { Scenario } from './scenario/types.js';
export { runScenario } from './api/run.js';
export type { HarnessEvent, RunOutcome, RunProgress, RunScenarioOptions } from './api/run.js';
export { compareRuns, readResults, renderComparison, renderReport, reportFormatNames } from './api/results.js';
export type { ComparedRun, RenderReportOptions } from './api/results.js';
export { writeReports } from './report/write-reports.js';
export type { TerminalOutput, WriteReportsOptions } from './report/write-reports.js';
export type { RunResults } from './results/results.js';
export type { ReportModel } from './report/model.js';
export { mergeShards, readShards } from './api/merge.js';
export type { MergeOutcome, MergeShardsOptions } from './api/merge.js';
export type { Shard } from './core/shard.js';
export type { Comparison } from './report/compare.js';
export { startCloudWatchSink, startFaultProxy } from './api/servers.js';
export type { CloudWatchSinkServer, CloudWatchSinkServerOptions, FaultProxy, FaultProxyOptions } from './api/servers.js';
export type { OutputClock, OutputContext, OutputModule, OutputRecord, OutputSink } from './systems/module/contract.js';
export { registerSystemKind } from './systems/registry.js';
export type { CellContext, CellSystem, DeliveryFeed, IntervalFigures, Isolation, LinkPlan, LiveInstance, Loss, SystemKind } from './systems/system-kind.js';
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
export { registerSinkKind } from './sinks/registry.js';
export type { DeliveredListener, Sink, SinkEndpoint, SinkFaultControl, SinkKind, SinkOptions } from './sinks/sink.js';
export { INTERRUPTED, TIMED_OUT, registerFaultKind, registerToxicKind, toxicAttributes } from './faults/toxiproxy.js';
export type { AttributeUnit, Chunk as ToxicChunk, FaultApplication, FaultKind, FaultTargets, LiftFault, SpecOf, Toxic, ToxicAttribute, ToxicKindOptions, ToxicPayload, ToxicSpecOf, ToxicStub, } from './faults/toxiproxy.js';
export { duration, durationRange, flag, rate, size } from './core/fields.js';
export { formatDuration } from './core/units.js';
export { registerRenderer } from './report/renderers/index.js';
export type { ReportFormat, RenderOptions, Renderer, RendererKind } from './report/renderers/index.js';
export { CellStartError } from './engine/cell-start-error.js';
export { DuressError, ExitCode, formatProblem, InputError, InterruptedError, ScenarioError, signalExitCode } from './core/errors.js';
export type { ScenarioProblem } from './core/errors.js';
/** duress's version (package.json's). */
export { VERSION } from './core/version.js';
/** What one cell of a run measured: exposure, failures, hours to failure, delivery, latency, faults, over time. */
export type CellResults = CellFigures;
