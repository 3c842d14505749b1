import type { HarnessEvent, IntervalEvent, JournalEvent } from '../journal/events.js';
import type { LatencySummary } from '../metrics/histogram.js';

/** A latency figure is flagged as possibly distorted when the worst lag × speed is this share of it or more. */
export const LAG_DISTORTION_SHARE = 0.1;

/** duress's own event-loop delay over a cell or a run: the worst of its intervals, wall ms, and × speed. */
export interface HarnessLagFigures {
  /** Worst event-loop delay of the main thread, and the worst of its per-interval 99th percentiles. */
  mainMaxMs: number;
  mainP99Ms: number;
  /** Worst event-loop delay of any instance worker (paused instances left out). */
  workerMaxMs: number;
  /** The worst of the above, wall ms, and what it amounts to in scenario time (× the clock speed). */
  worstMs: number;
  scenarioMs: number;
  /** False when the journal holds no lag figures (written before duress measured them). */
  measured: boolean;
}

/** A latency figure that harness lag may have distorted: lag × speed is at least LAG_DISTORTION_SHARE of it. */
export interface DistortedFigure {
  cell: string;
  /** `end-to-end p99` … */
  figure: string;
  /** The figure and the lag, scenario ms. */
  valueMs: number;
  lagScenarioMs: number;
}

/** results.harness: whether duress itself was in trouble during the run, and what that may have cost. */
export interface HarnessResults {
  lag: HarnessLagFigures;
  /** Every `harness` journal event: workers that could not boot, cells that could not start, event-loop stalls. */
  trouble: Omit<HarnessEvent, 't'>[];
  distorted: DistortedFigure[];
  /** True when there was trouble or a distorted figure: every report says so. */
  inTrouble: boolean;
}

const FIGURES: [keyof LatencySummary, string][] = [
  ['p50', 'p50'],
  ['p90', 'p90'],
  ['p99', 'p99'],
  ['p99_9', 'p99.9'],
  ['max', 'max'],
];

/** The lag figures of a cell's intervals. */
export function foldLag(intervals: readonly IntervalEvent[], speed: number): HarnessLagFigures {
  const f: HarnessLagFigures = { mainMaxMs: 0, mainP99Ms: 0, workerMaxMs: 0, worstMs: 0, scenarioMs: 0, measured: false };
  for (const iv of intervals) {
    if (!iv.lag) continue;
    f.measured = true;
    f.mainMaxMs = Math.max(f.mainMaxMs, iv.lag.mainMaxMs);
    f.mainP99Ms = Math.max(f.mainP99Ms, iv.lag.mainP99Ms);
    f.workerMaxMs = Math.max(f.workerMaxMs, iv.lag.workerMaxMs);
  }
  f.worstMs = Math.max(f.mainMaxMs, f.workerMaxMs);
  f.scenarioMs = f.worstMs * speed;
  return f;
}

/** May lag of `lag` have distorted a latency figure of `valueMs` (scenario ms)? Lag × speed is at least LAG_DISTORTION_SHARE of it. */
export function lagMayDistort(valueMs: number, lag: HarnessLagFigures): boolean {
  return lag.scenarioMs > 0 && lag.scenarioMs >= LAG_DISTORTION_SHARE * valueMs;
}

/** The end-to-end latency figures of a cell that its lag may have distorted (`prefix` names them: `end-to-end p99`). */
export function distortedFigures(cell: string, latency: LatencySummary, lag: HarnessLagFigures, prefix = 'end-to-end'): DistortedFigure[] {
  if (latency.count === 0) return [];
  return FIGURES.filter(([key]) => lagMayDistort(latency[key], lag)).map(([key, figure]) => ({
    cell,
    figure: `${prefix} ${figure}`,
    valueMs: latency[key],
    lagScenarioMs: lag.scenarioMs,
  }));
}

/** What foldHarness needs of a cell: its name, lag, end-to-end latency and (a kind that reports per link) its links' latency. */
export interface HarnessCellInput {
  name: string;
  harnessLag: HarnessLagFigures;
  latency: { endToEnd: LatencySummary };
  perLink?: { table: { baseline: string }; links: readonly { name: string; role: string; count: number; p99: number }[] };
}

/**
 * The p99 figures of a cell's faulted links (those not of the baseline role: the p99 a links table shows
 * beside the baseline ones) that its lag may have distorted; the baseline links' figures are the cell's
 * end-to-end ones.
 */
export function distortedLinkFigures(c: HarnessCellInput): DistortedFigure[] {
  const baseline = c.perLink?.table.baseline;
  return (c.perLink?.links ?? [])
    .filter((l) => l.role !== baseline && l.count > 0 && lagMayDistort(l.p99, c.harnessLag))
    .map((l) => ({ cell: c.name, figure: `${l.name} p99`, valueMs: l.p99, lagScenarioMs: c.harnessLag.scenarioMs }));
}

/** The run's harness results from its journal and its cells' lag and latency. */
export function foldHarness(events: readonly JournalEvent[], cells: readonly HarnessCellInput[], speed: number): HarnessResults {
  const trouble = events.filter((e): e is HarnessEvent => e.t === 'harness').map(({ t: _t, ...rest }) => rest);
  const lag: HarnessLagFigures = { mainMaxMs: 0, mainP99Ms: 0, workerMaxMs: 0, worstMs: 0, scenarioMs: 0, measured: false };
  for (const c of cells) {
    lag.measured ||= c.harnessLag.measured;
    lag.mainMaxMs = Math.max(lag.mainMaxMs, c.harnessLag.mainMaxMs);
    lag.mainP99Ms = Math.max(lag.mainP99Ms, c.harnessLag.mainP99Ms);
    lag.workerMaxMs = Math.max(lag.workerMaxMs, c.harnessLag.workerMaxMs);
  }
  lag.worstMs = Math.max(lag.mainMaxMs, lag.workerMaxMs);
  lag.scenarioMs = lag.worstMs * speed;
  const distorted = cells.flatMap((c) => [...distortedFigures(c.name, c.latency.endToEnd, c.harnessLag), ...distortedLinkFigures(c)]);
  return { lag, trouble, distorted, inTrouble: trouble.length > 0 || distorted.length > 0 };
}
