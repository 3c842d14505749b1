import { THRESHOLD_METRICS, type ThresholdMetric } from '../stats/threshold-metrics.js';
import { evaluateThreshold, formatMetricValue, formatSelector, type MetricLookup } from '../stats/thresholds.js';
import { parseThreshold, type Threshold } from '../stats/thresholds-parser.js';
import { poolCells, selectCells } from '../results/cell-pool.js';
import type { CellResults, RunResults } from '../results/results.js';

/** One threshold of the scenario, checked against a run: what every renderer shows of it. */
export interface ThresholdOutcome {
  /** As written in the scenario. */
  expression: string;
  /** Undefined when the expression does not parse (a results file older than validation, or edited). */
  metric: ThresholdMetric | undefined;
  passed: boolean;
  /** In the metric's unit (hours, ms, per second, or plain); undefined when nothing could be measured. */
  measured: number | undefined;
  /** The measurement as people read it: `1520h`, `2.4s`, `3`; `-` when not measured. */
  measuredText: string;
  /** What the threshold demands: `> 100h`, `< 2s`. */
  requirement: string;
  /** Names of the cells the selector matched (every cell without a selector). */
  cells: string[];
  /** Why it failed: `measured 2.4s, needs < 2s`, `no cell matches {variant=x}`; undefined when it passed. */
  reason: string | undefined;
  /**
   * Names of the cells a failure is charged to: of the matched cells, those that fail the threshold on
   * their own; every matched cell when only their pool fails it (`failures < 10` with 6 in each of two
   * cells). Empty when it passed.
   */
  failedCells: string[];
}

/** Why a metric has no value although cells matched; set by the lookup, read when it returns undefined. */
type Unmeasured = { why: string | undefined };

/**
 * The measurement of `metric` over the cells a selector matches. Several matching cells are pooled:
 * counts (failures, lost, dropped, duplicated, reordered, delivered) add up; htf and htf_lower are computed
 * on the pooled exposure and failures; latency percentiles come from the merged end-to-end histograms;
 * delivered_ratio is Σ delivered / Σ generated; throughput is Σ delivered / Σ scenario seconds (the rate
 * of one cell, pooled; not the sum of cells). `lost` counts every record never delivered nor declared
 * dropped: silent loss and records lost in failures. `shortfall` adds the cells' `system.shortfall` (an
 * HTTP load's); `failed_requests` the requests of every interval that did not succeed.
 */
export function resultsLookup(results: RunResults, unmeasured: Unmeasured = { why: undefined }): MetricLookup {
  return (metric, selector) => {
    unmeasured.why = undefined;
    const cells = selectCells(results, selector);
    if (cells.length === 0) return undefined;
    const pool = poolCells(cells, results.scenario.confidence, selector.mode);
    const where = formatSelector(selector) || 'the run';
    const lossJudged = (): boolean => {
      if (!pool.deliveryFinal) unmeasured.why = `${metric} not judged in ${where}: the journal ends before the cell did`;
      return pool.deliveryFinal;
    };
    const latency = (value: number): number | undefined => {
      if (pool.latency.count > 0) return value;
      unmeasured.why = `no latency recorded in ${where}`;
      return undefined;
    };
    const d = pool.delivery;
    switch (metric) {
      case 'htf':
        return pool.htf.estimate;
      case 'htf_lower':
        return pool.htf.lower;
      case 'failures':
        return pool.failures.length;
      case 'p50':
        return latency(pool.latency.p50);
      case 'p90':
        return latency(pool.latency.p90);
      case 'p99':
        return latency(pool.latency.p99);
      case 'p99.9':
        return latency(pool.latency.p99_9);
      case 'max':
        return latency(pool.latency.max);
      case 'mean':
        return latency(pool.latency.mean);
      case 'lost':
        return lossJudged() ? d.lost + d.lostInFailures : undefined;
      case 'dropped':
        return d.dropped;
      case 'duplicated':
        return d.duplicated;
      case 'reordered':
        return d.reordered;
      case 'delivered':
        return d.delivered;
      case 'delivered_ratio':
        if (d.generated > 0) return d.delivered / d.generated;
        unmeasured.why = `nothing was generated in ${where}`;
        return undefined;
      case 'shortfall': {
        const counted = pool.cells.filter((c) => c.system.shortfall !== undefined);
        if (counted.length > 0) return counted.reduce((n, c) => n + (c.system.shortfall ?? 0), 0);
        unmeasured.why = `no shortfall counted in ${where}: only an HTTP load (system kind http) counts one`;
        return undefined;
      }
      case 'failed_requests':
        return pool.cells.reduce((n, c) => n + c.overTime.reduce((m, p) => m + p.requestsFailed, 0), 0);
      case 'throughput':
        if (pool.scenarioMs > 0) return d.delivered / (pool.scenarioMs / 1000);
        unmeasured.why = `no scenario time ran in ${where}`;
        return undefined;
    }
  };
}

/** Checks every threshold of the run's scenario (results.scenario.thresholds) against its results, in order. */
export function evaluateResultsThresholds(results: RunResults, expressions: readonly string[] = results.scenario.thresholds): ThresholdOutcome[] {
  const unmeasured: Unmeasured = { why: undefined };
  const lookup = resultsLookup(results, unmeasured);
  return expressions.map((expression): ThresholdOutcome => {
    const parsed = parseThreshold(expression);
    if (!parsed.ok) {
      return { expression, metric: undefined, passed: false, measured: undefined, measuredText: '-', requirement: '-', cells: [], reason: parsed.message, failedCells: [] };
    }
    const t = parsed.threshold;
    const result = evaluateThreshold(t, lookup);
    const matched = selectCells(results, t.selector);
    const cells = matched.map((c) => c.name);
    const reason = result.passed ? undefined : result.measured === undefined && cells.length > 0 ? (unmeasured.why ?? result.reason) : result.reason;
    return {
      expression: t.expression,
      metric: t.metric,
      passed: result.passed,
      measured: result.measured,
      measuredText: result.measured === undefined || Number.isNaN(result.measured) ? '-' : shown(t.metric, result.measured),
      requirement: `${t.operator} ${shown(t.metric, t.value)}`,
      cells,
      reason,
      failedCells: result.passed ? [] : chargedCells(t, results, matched),
    };
  });
}

function chargedCells(t: Threshold, results: RunResults, matched: readonly CellResults[]): string[] {
  const alone = matched.filter((c) => !evaluateThreshold(t, resultsLookup({ ...results, cells: [c] })).passed);
  return (alone.length > 0 ? alone : matched).map((c) => c.name);
}

/** As formatMetricValue, with ratios as percentages (`99.99997%`), which is how people write them. */
function shown(metric: ThresholdMetric, value: number): string {
  if (THRESHOLD_METRICS[metric].kind === 'ratio') return `${Number((value * 100).toPrecision(7))}%`;
  return formatMetricValue(metric, value);
}
