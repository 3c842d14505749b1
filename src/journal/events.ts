import type { DeliveryCounts } from '../delivery/ledger.js';

/**
 * journal.jsonl: one JSON object per line, appended as the run goes. It holds everything results and
 * reports are made from, so `duress report DIR` can rebuild them from the journal alone, even from one
 * cut off in the middle of a line. Times named `at` are scenario ms since the cell's start.
 */
export type JournalEvent =
  | RunStartEvent
  | CellStartEvent
  | { t: 'instance-start'; cell: number; slot: number; id: string; at: number }
  | { t: 'instance-end'; cell: number; slot: number; id: string; at: number; reason: 'failed' | 'stopped' }
  | FaultStartEvent
  | { t: 'fault-end'; cell: number; id: string; at: number; error?: string }
  | { t: 'fault-error'; cell: number; id: string; at: number; error: string }
  | FailureEvent
  | IntervalEvent
  | CellEndEvent
  | HarnessEvent
  | { t: 'run-end'; wall: string; wallMs: number; interrupted: string | undefined };

/**
 * duress itself was in trouble, not the system under test: a worker that could not boot (`worker-boot`),
 * a cell that could not start (`cell-start`), duress's event loop stalled long enough to distort what it
 * measures (`event-loop-lag`, harness-lag.ts). Never a failure, never running time; reports say the run's
 * harness was in trouble. `at`: the cell's time when known; `wallMs`: wall ms since the run started.
 */
export interface HarnessEvent {
  t: 'harness';
  cell?: number;
  slot?: number;
  at?: number;
  wallMs: number;
  kind: 'worker-boot' | 'cell-start' | 'event-loop-lag';
  detail: string;
}

export interface CellInfo {
  index: number;
  /** e.g. `variant=patch,keepalive=on`, or `default` without a matrix. */
  name: string;
  /** Matrix dimension -> value name. */
  values: Record<string, string>;
  /** Instance slots this journal covers: all of the cell's, or a shard's share (`slots`). */
  instances: number;
  duration: number;
  /**
   * Only in a sharded run (or a merge of shards): the cell's slots this journal covers (sorted), and how
   * many slots the whole cell has. A shard's instance ids and seeds are those of the same slots in a whole run.
   */
  slots?: number[];
  slotsPlanned?: number;
}

/**
 * A run split into shards (core/shard.ts): how many, which of them this journal holds, and whether it is a
 * merge of shard journals (`duress merge`) or one shard's own run.
 */
export interface ShardFacts {
  count: number;
  /** The shards this journal holds, 1-based, sorted: one for a shard's run; all (or, merged with --allow-partial, some) for a merge. */
  included: number[];
  merged: boolean;
}

export interface RunStartEvent {
  t: 'run-start';
  format: 'duress-journal/1';
  duressVersion: string;
  wall: string;
  file: string;
  /** The scenario as resolved (defaults and overrides applied), before matrix overrides. */
  scenario: JournalScenario;
  speed: number;
  cells: CellInfo[];
  /**
   * SHA-256 of the resolved scenario and its cells (core/shard.ts contentHash): shards merge only with
   * shards of the same hash. Absent in journals written before duress recorded it.
   */
  scenarioHash?: string;
  /** Present when the run is a shard, or a merge of shards. */
  shards?: ShardFacts;
}

export interface FaultStartEvent {
  t: 'fault-start';
  cell: number;
  id: string;
  kind: string;
  /** Instance slots it touches. */
  slots: number[];
  at: number;
  description: string;
}

export type FailureMode = 'crash' | 'hang' | 'memory' | 'loss';

export interface FailureEvent {
  t: 'failure';
  cell: number;
  slot: number;
  id: string;
  at: number;
  mode: FailureMode;
  /** What was seen: a stack, an exit code, the last progress, memory figures. */
  evidence: Record<string, unknown>;
  /** Fault occurrences active on this instance at that moment (id and description). */
  faults: { id: string; description: string }[];
}

/** Harness lag of one interval, wall ms (harness-lag.ts): scale by the clock speed for scenario time. */
export interface IntervalLag {
  /** Worst and 99th-percentile event-loop delay of duress's main thread. */
  mainMaxMs: number;
  mainP99Ms: number;
  /** Worst event-loop delay any instance worker of the cell reported (paused ones left out). */
  workerMaxMs: number;
}

export interface IntervalEvent {
  t: 'interval';
  cell: number;
  at: number;
  wallMs: number;
  /** Cumulative ledger counts at this moment (loss is only final at the cell's end). */
  delivery: DeliveryCounts;
  /** Cumulative instance running time (scenario ms) and failures so far. */
  exposureMs: number;
  failures: number;
  /** This interval's latency, HdrHistogram compressed base64, µs of scenario time. */
  endToEnd: string;
  request: string;
  requests: Record<string, number>;
  /** duress's own resident memory, and the largest instance memory (heap plus external), bytes. */
  rss: number;
  maxInstanceMemory: number;
  /** duress's own event-loop delay this interval (absent in journals before it was measured). */
  lag?: IntervalLag;
  /** A cell whose system kind has several links (its `report.links`): each link, over every instance of the cell. */
  links?: LinkInterval[];
  /** The system's own counters now (a broker's memory: queuedBytes, deepestQueue, peakQueuedBytes, …). */
  system?: Record<string, number>;
}

/**
 * One link of a cell's instances in one interval (a broker's `subscriber-2`). A link is the same in every
 * instance of the cell (its name is), so its figures are summed over the instances.
 */
export interface LinkInterval {
  /** The link's name, as faults name it (`subscriber-0`, `peer-1`). */
  name: string;
  /** What the faults on the link make it, in the kind's words (a broker's `fast`, `slow`, `dead`). */
  role: string;
  /**
   * This interval's end-to-end latency of deliveries over the link, HdrHistogram compressed base64, µs of
   * scenario time: lossless, so results merge intervals exactly (summaries are made there; making them here
   * would cost the main thread, which carries every link's traffic through the proxies, milliseconds per interval).
   */
  latency: string;
  /** Cumulative over every instance so far: records first delivered over the link. */
  delivered: number;
  /** Cumulative counts the kind keeps per link, named as its LinkTableSpec's `counts` columns. */
  counts: Record<string, number>;
}

/**
 * The report section a system kind adds for its links (SystemKind.report.links), as the engine writes it
 * into each cell's `cell-start`: the report (which never imports systems) lays the section out from this
 * alone. Per cell, one row: the latency of the links with the `baseline` role together (the cell's
 * end-to-end latency), then each other link (one with a fault on it) with its p99 and `counts`, then the
 * cell's `system` counters.
 */
export interface LinkTableSpec {
  /** The section's id (the HTML section's), e.g. `subscribers`. */
  id: string;
  /** Its heading in Markdown and HTML: `Fast subscribers`. */
  heading: string;
  /**
   * The sentence that explains the table, above it: `Fast subscribers (no fault on their link): …`. The
   * report adds one saying what a figure marked * means.
   */
  caption: string;
  /** What one link is, for the column of the faulted ones: `subscriber` gives `faulted subscriber`. */
  noun: string;
  /** The role of the links with no fault on them, whose latency is the cell's end-to-end latency: `fast`. */
  baseline: string;
  /** The per-link counts shown for each faulted link (keys of LinkInterval.counts), in order. */
  counts: LinkColumn[];
  /** The cell's system counters shown at the end of each row (keys of the cell's `system`), in order. */
  system: LinkColumn[];
}

/** One column of a LinkTableSpec: the figure's key, its column head, and how it is written. */
export interface LinkColumn {
  key: string;
  head: string;
  /** count: `1,234`; times: `2×`; size: `1.5 MiB`; duration: scenario ms as `1m52s` (`-` for 0: never happened). */
  format: 'count' | 'times' | 'size' | 'duration';
}

export interface CellStartEvent {
  t: 'cell-start';
  cell: number;
  wall: string;
  /** The report section of the cell's system kind for its links, when it has one (absent in journals before it existed). */
  links?: LinkTableSpec;
  /**
   * The system counters (keys of `system` in intervals and cell-end) that are a maximum over instances,
   * not a sum (a broker's `peakMemory`): merging shards takes their maximum and sums the others.
   */
  maxCounters?: readonly string[];
  /**
   * The request outcomes (keys of the intervals' `requests`) the cell's system kind counts as succeeded;
   * the others are failed requests in the figures over time. Absent in journals before kinds declared it.
   */
  succeededRequests?: readonly string[];
  /** What the report calls the cell's two latencies (SystemKind.report.latency); absent: the defaults. */
  latency?: LatencyLabels;
}

/** The report's names of the intervals' `endToEnd` and `request` latencies, as a system kind declares them. */
export interface LatencyLabels {
  /** e.g. `corrected (from due time)`. */
  endToEnd: string;
  /** e.g. `uncorrected (from send)`. */
  request: string;
}

export interface CellEndEvent {
  t: 'cell-end';
  cell: number;
  at: number;
  drained: boolean;
  delivery: DeliveryCounts;
  requests: Record<string, number>;
  system: Record<string, number>;
  sink: Record<string, unknown>;
}

/**
 * The resolved scenario as the journal keeps it: the whole of it is written (so a run can be repeated), and
 * these are the fields readers of a journal rely on. The journal's schema sits below the scenario's, so it
 * names only what it needs.
 */
export interface JournalScenario {
  name: string;
  description?: string | undefined;
  seed: number;
  instances: number;
  /** Scenario ms each cell runs. */
  duration: number;
  failures: { confidence: number };
  thresholds: string[];
  report?: { formats?: readonly string[] | undefined };
}
