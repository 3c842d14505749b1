import type { CellInfo, FailureEvent, LatencyLabels, LinkTableSpec } from '../journal/events.js';
import type { LatencySummary } from '../metrics/histogram.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
import type { HtfByMode } from '../stats/htf-by-mode.js';
import type { HarnessLagFigures, HarnessResults } from './fold-harness.js';

/**
 * results.json: what a run measured, folded from its journal, complete enough to render every report and
 * to merge with other runs (latency histograms are encoded losslessly). Times are labelled: `scenario*`
 * figures are scenario time (the clock runs `speed` times faster than the wall), `wall*` are real time;
 * all hours are scenario hours.
 */
export interface RunResults {
  format: 'duress-results/2';
  duressVersion: string;
  scenario: {
    name: string;
    description: string | undefined;
    file: string;
    seed: number;
    instances: number;
    /** Scenario ms each cell was meant to run. */
    duration: number;
    confidence: number;
    thresholds: string[];
    /** SHA-256 of the resolved scenario and its cells: shards of one run share it. Absent in results written before duress recorded it. */
    hash?: string;
  };
  run: {
    startedAt: string;
    endedAt: string | undefined;
    /** Clock speed: scenario seconds per wall second. */
    speed: number;
    wallMs: number;
    /** Set when a signal stopped the run early; what was measured up to then is all here. */
    interrupted: string | undefined;
    /** False when the journal ends before the run did (duress was killed): figures are as of the last interval. */
    complete: boolean;
    /** Present when the run is a shard, or a merge of shards: which of how many, and which are missing. */
    shards?: ShardResults;
  };
  /** What each figure means, in words, so a results file explains itself. */
  definitions: Record<string, string>;
  cells: CellResults[];
  /**
   * duress's own trouble: its event-loop lag (wall ms and × speed), every `harness` event, and the latency
   * figures the lag may have distorted. Absent in results written before duress measured it.
   */
  harness?: HarnessResults;
}

/**
 * A sharded run: `count` shards, of which these results hold `included` (1-based). A shard's own run holds
 * one (`merged` false: its figures are its share only); `duress merge` holds all, or with --allow-partial
 * some, and `missing` says which are not in the figures.
 */
export interface ShardResults {
  count: number;
  included: number[];
  missing: number[];
  merged: boolean;
  /** How the shards divide the work, in words. */
  rule: string;
}

export interface CellResults extends CellInfo {
  /** Scenario ms the cell ran (load, from the cell's start to its end). */
  scenarioMs: number;
  /** Sum of instance running time, scenario hours. */
  exposureHours: number;
  failures: FailureEvent[];
  htf: HtfByMode;
  delivery: DeliveryCounts;
  /** True when delivery counts are final (the cell ended); otherwise as of the last interval, and loss is not judged. */
  deliveryFinal: boolean;
  drained: boolean | undefined;
  latency: { endToEnd: EncodedLatency; request: EncodedLatency };
  /** What the cell's system kind calls its two latencies (an HTTP load: corrected, uncorrected); absent: the defaults. */
  latencyLabels?: LatencyLabels;
  /**
   * One point per metrics interval, end to end from the cell's start; an interval shorter than half the
   * cell's usual one (the last, written as the cell stops) is folded into the point before it
   * (results/over-time.ts), so every rate and percentile is over a usual-length span.
   */
  overTime: IntervalPoint[];
  /** duress's event-loop lag while this cell ran (absent in results written before it was measured). */
  harnessLag?: HarnessLagFigures;
  faults: FaultRecord[];
  /**
   * Names of the instance faults (kill, pause) that hit several instances at once: their failures are
   * correlated by design, which the hours-to-failure bounds (made for independent failures) do not allow
   * for. Empty when every instance fault hit one instance at a time.
   */
  correlatedFaults: string[];
  requests: Record<string, number>;
  system: Record<string, number>;
  sink: Record<string, unknown>;
  /**
   * A cell whose system kind reports per link (a broker's subscribing clients): each link over every
   * instance of the cell, and how the kind's report section shows them. The cell's end-to-end latency is
   * that of the links with the section's `baseline` role. Absent for other systems.
   */
  perLink?: CellLinks;
}

/** A cell's per-link figures and the report section its kind declared for them. */
export interface CellLinks {
  table: LinkTableSpec;
  links: LinkResults[];
}

/** One link of a cell (`subscriber-2`: the third subscribing client of every instance of a broker cell). */
export interface LinkResults {
  /** The link's name, as faults name it. */
  name: string;
  /** What the faults on it make it, in the kind's words (a broker's fast: no fault; slow: a toxic that slows it; dead: one that stops it). */
  role: string;
  /** End-to-end latency of first deliveries over it, scenario ms. */
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Records first delivered over it. */
  delivered: number;
  /** The kind's per-link counts (a broker's dropped, cut, disconnected), cumulative over the cell. */
  counts: Record<string, number>;
}

export interface EncodedLatency extends LatencySummary {
  /** Unit of every figure above: milliseconds of scenario time. */
  unit: 'ms';
  /** HdrHistogram compressed base64, µs of scenario time. */
  histogram: string;
}

/** One point over time: the interval from the previous point's `at` (0 for the first) to this one's. */
export interface IntervalPoint {
  /** Scenario ms since the cell's start: where the interval ends. */
  at: number;
  /** Records first delivered per scenario second during the interval (its count over its whole span). */
  deliveredPerSecond: number;
  /** End-to-end latency of the interval's deliveries, scenario ms. */
  p50: number;
  p99: number;
  max: number;
  /** Cumulative at `at`: failures declared and instance running time (scenario hours). */
  failures: number;
  exposureHours: number;
  /** Output requests that ended during the interval, and how many of them did not succeed. */
  requests: number;
  requestsFailed: number;
  /** duress's resident memory and the largest instance memory, bytes, sampled at `at` (the larger sample of a folded interval). */
  rss: number;
  maxInstanceMemory: number;
}

export interface FaultRecord {
  id: string;
  kind: string;
  slots: number[];
  /** Scenario ms since the cell's start; `end` undefined if the journal ends while it was active. */
  start: number;
  end: number | undefined;
  description: string;
  /** Set when the fault could not be applied or lifted (the run went on; the journal says why). */
  error?: string;
}
