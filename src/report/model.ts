import { distortedFigures, foldLag } from '../results/fold-harness.js';
import { harnessReport, type HarnessReport } from './harness-report.js';
import type { LatencySummary } from '../metrics/histogram.js';
import type { LatencyLabels } from '../journal/events.js';
import { type FaultImpact, faultImpacts } from './fault-impact.js';
import { deliveryReport, type DeliveryReport } from './delivery-report.js';
import { formatConfidence, formatHours, formatHtf } from '../stats/format-htf.js';
import type { HoursToFailure } from '../stats/hours-to-failure.js';
import { describeEvidence, formatCount, formatMs, modeCount } from './format.js';
import type { CellResults, FaultRecord, IntervalPoint, RunResults } from '../results/results.js';
import { evaluateResultsThresholds, type ThresholdOutcome } from './threshold-outcomes.js';
import { linkTable, type LinkTable } from './link-table.js';
import { judgeCell, type Verdict, VERDICT_RULE } from './verdict.js';

export type { ThresholdOutcome } from './threshold-outcomes.js';
export type { Verdict, VerdictKind } from './verdict.js';
export type { DeliveryReport } from './delivery-report.js';

/**
 * Everything a report shows, computed once from a run's results: renderers (terminal, Markdown, JSON,
 * HTML, JUnit) are pure functions of this model and decide nothing, they only lay it out. report.json is
 * this model serialised.
 *
 * Units, unless a field says otherwise: times named `at`, `*Ms` are **scenario** milliseconds (the
 * scenario clock runs `run.speed` times faster than the wall); hours are **scenario hours**; latencies are
 * scenario ms. Wall time is always named as such (`wallMs`).
 */
export interface ReportModel {
  format: 'duress-report/1';
  /** `duress: quickstart`. */
  title: string;
  scenario: {
    name: string;
    description: string | undefined;
    file: string;
    seed: number;
    /** Instance slots per cell. */
    instances: number;
    /** Scenario ms each cell was meant to run (its load phase). */
    durationMs: number;
    /** Confidence of every one-sided hours-to-failure bound, e.g. 0.95. */
    confidence: number;
  };
  run: RunFacts;
  /** How a cell's verdict is decided, one sentence per line; shown under every matrix. */
  verdictRule: readonly string[];
  matrix: StabilityMatrix;
  /** In the run's cell order; StabilityMatrix points into this list. */
  cells: CellReport[];
  /** Every failure of every cell, in cell order then time. */
  failures: FailureEntry[];
  /**
   * The links table of a system kind that reports per link (a broker's subscribers): each cell's latency
   * over its links with no fault beside its faulted links, worded by the kind (absent otherwise).
   */
  linkTable?: LinkTable;
  thresholds: ThresholdOutcome[];
  /** Every threshold passed (true when there are none). The exit code follows it. */
  passed: boolean;
  /** `all 3 passed`, `2 of 3 failed`; undefined without thresholds. Every renderer prints these words. */
  thresholdSummary: string | undefined;
  /** What each figure means, in words (from the results file). */
  definitions: Record<string, string>;
  /** duress's own health: its event-loop lag, and any trouble (also in run.notes and run.lines). */
  harness: HarnessReport;
}

/** When, how fast, how long: each figure with the kind of time it is in. */
export interface RunFacts {
  duressVersion: string;
  /** ISO time the run started, wall clock. */
  startedAt: string;
  endedAt: string | undefined;
  /** Scenario seconds per wall second. */
  speed: number;
  /** Real time the run took, ms. */
  wallMs: number;
  /** Scenario ms the longest cell ran (load and drain). */
  scenarioMs: number;
  /** Σ exposure over every cell, scenario hours. */
  exposureHours: number;
  /** Instance slots over every cell. */
  instances: number;
  /** The signal that stopped the run early, if one did. */
  interrupted: string | undefined;
  /** False when the journal ends before the run did: figures are as of the last interval. */
  complete: boolean;
  /** True for a merge with shards missing (--allow-partial): the figures cover only some of the run. */
  partial: boolean;
  /** The facts as renderers print them, each labelled with its kind of time: `wall time` → `6.94 s`. */
  lines: { label: string; value: string }[];
  /** Things a reader must know before trusting the figures (interrupted, incomplete); empty when none. */
  notes: string[];
}

/**
 * The stability matrix, laid out as the seed's table: columns are the values of the scenario's first
 * matrix dimension, rows those of the second, and further dimensions split each row into sub-rows (one
 * per combination of their values). One dimension gives a single row; no matrix, a single cell.
 */
export interface StabilityMatrix {
  /** The dimension across the columns; undefined without a matrix. */
  columnDimension: string | undefined;
  /** The dimension down the rows; undefined with fewer than two dimensions. */
  rowDimension: string | undefined;
  subRowDimensions: string[];
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

export interface MatrixColumn {
  /** `variant=patch`; the cell name (`default`) without a matrix. */
  label: string;
  /** `patch`; undefined without a matrix. */
  value: string | undefined;
}

export interface MatrixRow {
  /** `keepalive=on`, or `keepalive=on, region=eu` for a sub-row; empty with one dimension or none. */
  label: string;
  /** The row dimension's part of the label alone (`keepalive=on`), the same for all sub-rows of a row. */
  group: string;
  /** The sub-row dimensions' part (`region=eu`); undefined without sub-rows. */
  sub: string | undefined;
  /** The matrix values this row fixes (every dimension but the column one). */
  values: Record<string, string>;
  /** Per column, an index into ReportModel.cells; undefined for a combination that did not run (`--only`). */
  cells: (number | undefined)[];
}

/** One cell of the matrix: a configuration of the system, its instances, and what happened to them. */
export interface CellReport {
  index: number;
  /** `variant=patch,keepalive=on`, or `default` without a matrix. */
  name: string;
  /** Matrix dimension → value. */
  values: Record<string, string>;
  /** Instance slots (failed instances are replaced in their slot). */
  instances: number;
  /** Scenario ms the cell was meant to run its load. */
  plannedMs: number;
  /** Scenario ms the cell ran (load and drain, or until interrupted). */
  scenarioMs: number;
  /** T: instance running time summed, scenario hours. */
  exposureHours: number;
  verdict: Verdict;
  /**
   * The failed thresholds charged to this cell (ThresholdOutcome.failedCells), as written. The exit code
   * follows thresholds, not verdicts: a cell expected to fail (a no-patch baseline) fails CI only when a
   * threshold about it failed, and JUnit fails its test case exactly then.
   */
  failedThresholds: string[];
  htf: HtfFigures;
  /** Hours to failure per failure mode (every mode watched for, failed or not), most failures first. */
  byMode: ModeFigures[];
  /** The mode with most failures; undefined when nothing failed. */
  dominantMode: string | undefined;
  /** r: failures declared. */
  failureCount: number;
  /** `12 failures: 11 hangs, 1 crash`, or `no failures`. */
  failureSummary: string;
  /** The matrix entry as the seed writes it: `Very stable (+3500h, ≥ 1520h at 95%)`. */
  text: string;
  latency: {
    /** From the scheduled generation of a record to its arrival at the sink (coordinated omission corrected). */
    endToEnd: LatencySummary;
    /** One output request, from sending to its answer. */
    request: LatencySummary;
  };
  /** What the two latencies are called (the cell's system kind's words: an HTTP load's corrected and uncorrected). */
  latencyLabels: LatencyLabels;
  /** One point per metrics interval: latency percentiles of that interval, throughput, failures so far. */
  overTime: IntervalPoint[];
  delivery: DeliveryReport;
  /** The fault timeline: each occurrence, the instance slots it touched, when it started and ended. */
  faults: FaultRecord[];
  /** What each fault occurrence did to latency, delivery and requests (from the intervals around it). */
  faultImpact: FaultImpact[];
  /** Output requests by outcome, most frequent first. */
  requests: { outcome: string; count: number }[];
  /** End-to-end latency figures (`p99`, `max` …, LatencySummary keys) that harness lag may have distorted. */
  lagDistorted: string[];
  /** The worst harness lag while the cell ran, in scenario ms (wall lag × speed); undefined if not measured. */
  harnessLagScenarioMs: number | undefined;
}

/** The seed's hours-to-failure figure with its chi-square bounds, as numbers and as text. */
export interface HtfFigures {
  /** T / max(r, 1), scenario hours. */
  estimate: number;
  /** r = 0: the estimate only says the mean is at least about that. */
  censored: boolean;
  /** One-sided lower bound 2T / χ²(confidence; 2r + 2), scenario hours. */
  lower: number;
  /** One-sided upper bound 2T / χ²(1 − confidence; 2r); undefined when r = 0. */
  upper: number | undefined;
  confidence: number;
  /** `+3500h` (no failure) or `~0.08h`. */
  figure: string;
  /** `≥ 1520h at 95%`. */
  lowerText: string;
  /** `≤ 0.2h at 95%`; undefined when r = 0. */
  upperText: string | undefined;
}

export interface ModeFigures extends HtfFigures {
  mode: string;
  failures: number;
}

/** One failure of one instance, with the faults that were active on it at that moment. */
export interface FailureEntry {
  cell: string;
  cellIndex: number;
  /** Scenario ms since the cell's start. */
  at: number;
  /** The instance (its generation in the slot), e.g. `i2.1`. */
  instance: string;
  slot: number;
  mode: string;
  /** What was seen, in one line. */
  evidence: string;
  /** Descriptions of the fault occurrences active on the instance when it failed. */
  faults: string[];
}

/**
 * Builds the report of a run. `thresholds` are the outcomes to show; by default the scenario's
 * thresholds are evaluated against the results here (evaluateResultsThresholds).
 */
export function buildReportModel(results: RunResults, thresholds: ThresholdOutcome[] = judgedThresholds(results)): ReportModel {
  const { scenario, run } = results;
  const cells = results.cells.map((c) => cellReport(c, results, thresholds));
  const harness = harnessReport(results);
  const scenarioMs = Math.max(0, ...results.cells.map((c) => c.scenarioMs));
  const exposureHours = results.cells.reduce((t, c) => t + c.exposureHours, 0);
  const instances = results.cells.reduce((n, c) => n + c.instances, 0);
  const facts: RunFacts = {
    duressVersion: results.duressVersion,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    speed: run.speed,
    wallMs: run.wallMs,
    scenarioMs,
    exposureHours,
    instances,
    interrupted: run.interrupted,
    complete: run.complete,
    partial: run.shards?.merged === true && run.shards.missing.length > 0,
    lines: [...factLines(results, scenarioMs, exposureHours, instances), { label: 'harness lag', value: harness.lagLine.replace(/^harness lag: /, '') }],
    notes: [
      ...shardNotes(results),
      ...harness.troubleLines,
      ...(run.interrupted ? [`interrupted (${run.interrupted}): these are the results of what ran`] : []),
      ...(run.complete ? [] : ['the journal ends before the run did: figures are as of the last interval, and loss was not judged']),
    ],
  };
  return {
    format: 'duress-report/1',
    title: `duress: ${scenario.name}`,
    scenario: {
      name: scenario.name,
      description: scenario.description,
      file: scenario.file,
      seed: scenario.seed,
      instances: scenario.instances,
      durationMs: scenario.duration,
      confidence: scenario.confidence,
    },
    run: facts,
    verdictRule: VERDICT_RULE,
    matrix: buildMatrix(results.cells),
    cells,
    failures: results.cells.flatMap((c) =>
      [...c.failures]
        .sort((a, b) => a.at - b.at)
        .map((f) => ({ cell: c.name, cellIndex: c.index, at: f.at, instance: f.id, slot: f.slot, mode: f.mode, evidence: describeEvidence(f.evidence), faults: f.faults.map((x) => x.description) })),
    ),
    ...linkFigures(results),
    thresholds,
    passed: thresholds.every((t) => t.passed),
    thresholdSummary: summariseThresholds(thresholds),
    definitions: results.definitions,
    harness,
  };
}

/**
 * The scenario's thresholds, judged on these results; none for one shard's own run, whose figures are its
 * share only (an hours-to-failure bound on a quarter of the exposure says nothing): `duress merge` judges them.
 */
function judgedThresholds(results: RunResults): ThresholdOutcome[] {
  const shards = results.run.shards;
  return shards && !shards.merged && shards.count > 1 ? [] : evaluateResultsThresholds(results);
}

/** What a reader must know of a sharded run: a shard's share, or shards missing from a merge. */
function shardNotes(results: RunResults): string[] {
  const s = results.run.shards;
  if (!s || s.count === 1) return [];
  if (!s.merged) {
    return [
      `shard ${s.included.join(', ')} of ${s.count}: these figures are this shard's share of the run only, and its thresholds are not judged; ` +
        '`duress merge` folds every shard into the whole run',
    ];
  }
  if (s.missing.length === 0) return [];
  const which = s.missing.length === 1 ? `shard ${s.missing[0]} of ${s.count} is` : `shards ${s.missing.join(', ')} of ${s.count} are`;
  return [`partial merge: ${which} missing; the figures cover shards ${s.included.join(', ')} only (merged with --allow-partial)`];
}

function summariseThresholds(thresholds: readonly ThresholdOutcome[]): string | undefined {
  if (thresholds.length === 0) return undefined;
  const failed = thresholds.filter((t) => !t.passed).length;
  return failed === 0 ? `all ${thresholds.length} passed` : `${failed} of ${thresholds.length} failed`;
}

function linkFigures(results: RunResults): { linkTable?: LinkTable } {
  const table = linkTable(results.cells);
  return table ? { linkTable: table } : {};
}

function cellReport(c: CellResults, results: RunResults, thresholds: readonly ThresholdOutcome[]): CellReport {
  const verdict = judgeCell(c);
  const htf = htfFigures(c.htf.overall);
  const modes = Object.entries(c.htf.byMode).map(([mode, h]) => ({ mode, failures: h.failures, ...htfFigures(h) }));
  const failed = modes.filter((m) => m.failures > 0);
  const r = c.failures.length;
  return {
    index: c.index,
    name: c.name,
    values: c.values,
    instances: c.instances,
    plannedMs: c.duration,
    scenarioMs: c.scenarioMs,
    exposureHours: c.exposureHours,
    verdict,
    failedThresholds: thresholds.filter((t) => t.failedCells.includes(c.name)).map((t) => t.expression),
    htf,
    byMode: modes,
    dominantMode: c.htf.dominant,
    failureCount: r,
    failureSummary: r === 0 ? 'no failures' : `${r} failure${r === 1 ? '' : 's'}: ${failed.map((m) => modeCount(m.mode, m.failures)).join(', ')}`,
    text: verdict.kind === 'not-run' ? 'Not run' : `${capitalise(verdict.words)} (${htf.figure}, ${htf.lowerText})`,
    latency: { endToEnd: stripEncoding(c.latency.endToEnd), request: stripEncoding(c.latency.request) },
    latencyLabels: c.latencyLabels ?? DEFAULT_LATENCY_LABELS,
    overTime: c.overTime,
    delivery: deliveryReport(c, results.run.wallMs),
    faults: c.faults,
    faultImpact: faultImpacts(c.faults, c.overTime),
    requests: Object.entries(c.requests)
      .map(([outcome, count]) => ({ outcome: outcome.replaceAll('_', ' '), count }))
      .sort((a, b) => b.count - a.count),
    lagDistorted: distortedFigures(c.name, c.latency.endToEnd, c.harnessLag ?? foldLag([], results.run.speed)).map((d) => LATENCY_KEY[d.figure.replace('end-to-end ', '')] ?? d.figure),
    harnessLagScenarioMs: c.harnessLag?.measured ? c.harnessLag.scenarioMs : undefined,
  };
}

/** The latencies' names for a kind that declares none: a record's way to the sink, and an output request. */
export const DEFAULT_LATENCY_LABELS: LatencyLabels = { endToEnd: 'end to end (from scheduled generation)', request: 'output request' };

/** Figure names as DistortedFigure writes them → LatencySummary keys. */
const LATENCY_KEY: Record<string, string> = { p50: 'p50', p90: 'p90', p99: 'p99', 'p99.9': 'p99_9', max: 'max' };

function htfFigures(h: HoursToFailure): HtfFigures {
  const conf = formatConfidence(h.confidence);
  return {
    estimate: h.estimate,
    censored: h.censored,
    lower: h.lower,
    upper: h.upper,
    confidence: h.confidence,
    figure: formatHtf(h),
    lowerText: `≥ ${formatHours(h.lower)} at ${conf}`,
    upperText: h.upper === undefined ? undefined : `≤ ${formatHours(h.upper)} at ${conf}`,
  };
}

function stripEncoding(l: LatencySummary): LatencySummary {
  return { count: l.count, min: l.min, mean: l.mean, p50: l.p50, p90: l.p90, p99: l.p99, p99_9: l.p99_9, max: l.max };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function factLines(results: RunResults, scenarioMs: number, exposureHours: number, instances: number): RunFacts['lines'] {
  const { scenario, run, cells } = results;
  const n = cells.length;
  return [
    { label: 'scenario', value: `${scenario.name} (${scenario.file}), seed ${scenario.seed}` },
    { label: 'cells', value: `${n} cell${n === 1 ? '' : 's'} side by side, ${scenario.instances} instance${scenario.instances === 1 ? '' : 's'} each` },
    { label: 'scenario time per cell', value: `${formatMs(scenario.duration)} of load planned; the longest cell ran ${formatMs(scenarioMs)} (load and drain)` },
    { label: 'clock speed', value: `${run.speed}× (scenario seconds per wall second)` },
    { label: 'wall time', value: `${formatMs(run.wallMs)} (real time the whole run took)` },
    {
      label: 'exposure',
      value: `${formatHours(exposureHours)} scenario hours (instance running time summed over ${formatCount(instances)} instance slot${instances === 1 ? '' : 's'})`,
    },
    { label: 'confidence', value: `${formatConfidence(scenario.confidence)} (one-sided bounds on hours to failure)` },
    { label: 'started', value: `${run.startedAt}${run.endedAt ? `, ended ${run.endedAt}` : ''} (wall clock)` },
    { label: 'duress', value: results.duressVersion },
    ...(scenario.hash ? [{ label: 'scenario hash', value: `${scenario.hash.slice(0, 16)} (SHA-256 of the resolved scenario and its cells)` }] : []),
    ...(run.shards && run.shards.count > 1 ? [{ label: 'shards', value: shardLine(run.shards) }] : []),
  ];
}

function shardLine(s: NonNullable<RunResults['run']['shards']>): string {
  if (!s.merged) return `shard ${s.included.join(', ')} of ${s.count} (instance slots dealt round robin across the shards)`;
  const missing = s.missing.length > 0 ? `; missing: ${s.missing.join(', ')}` : '';
  return `merged from ${s.included.length} of ${s.count} shards (${s.included.join(', ')}${missing}); wall time is the longest shard's`;
}

/** Columns from the first dimension, rows from the second, sub-rows from the rest (see StabilityMatrix). */
export function buildMatrix(cells: readonly Pick<CellResults, 'index' | 'name' | 'values'>[]): StabilityMatrix {
  const dims = Object.keys(cells[0]?.values ?? {});
  if (dims.length === 0) {
    return {
      columnDimension: undefined,
      rowDimension: undefined,
      subRowDimensions: [],
      columns: cells.map((c) => ({ label: c.name, value: undefined })),
      rows: [{ label: '', group: '', sub: undefined, values: {}, cells: cells.map((_, i) => i) }],
    };
  }
  const [columnDimension, rowDimension, ...subRowDimensions] = dims as [string, ...string[]];
  const columnValues = unique(cells.map((c) => c.values[columnDimension] ?? ''));
  const rowKey = (values: Record<string, string>): string => JSON.stringify(dims.slice(1).map((d) => values[d] ?? ''));
  const rowValues = new Map<string, Record<string, string>>();
  for (const c of cells) if (!rowValues.has(rowKey(c.values))) rowValues.set(rowKey(c.values), Object.fromEntries(dims.slice(1).map((d) => [d, c.values[d] ?? ''])));
  const pair = (d: string, values: Record<string, string>): string => `${d}=${values[d] ?? ''}`;
  const rows: MatrixRow[] = [...rowValues.entries()].map(([key, values]) => {
    const group = rowDimension === undefined ? '' : pair(rowDimension, values);
    const sub = subRowDimensions.length === 0 ? undefined : subRowDimensions.map((d) => pair(d, values)).join(', ');
    return {
      label: sub === undefined ? group : `${group}, ${sub}`,
      group,
      sub,
      values,
      cells: columnValues.map((v) => {
        const i = cells.findIndex((c) => c.values[columnDimension] === v && rowKey(c.values) === key);
        return i < 0 ? undefined : i;
      }),
    };
  });
  return {
    columnDimension,
    rowDimension,
    subRowDimensions,
    columns: columnValues.map((v) => ({ label: `${columnDimension}=${v}`, value: v })),
    rows,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
