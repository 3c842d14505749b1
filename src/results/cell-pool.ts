import type { FailureEvent } from '../journal/events.js';
import { decodeHistogram, mergeHistograms, summarize, type LatencySummary } from '../metrics/histogram.js';
import type { DeliveryCounts } from '../delivery/ledger.js';
import { hoursToFailure, type HoursToFailure } from '../stats/hours-to-failure.js';
import type { CellResults, RunResults } from './results.js';

/**
 * Several cells taken as one: what thresholds with a selector and `duress compare` measure. Counts add up;
 * hours to failure is computed on the pooled exposure and failures (as if the cells shared one failure
 * rate); latency percentiles come from the merged end-to-end histograms, not from averaging percentiles.
 */
export interface CellPool {
  cells: CellResults[];
  /** Σ exposure, scenario hours. */
  exposureHours: number;
  failures: FailureEvent[];
  htf: HoursToFailure;
  delivery: DeliveryCounts;
  /** Every pooled cell's delivery is final (loss was judged). */
  deliveryFinal: boolean;
  /** Σ scenario ms the cells ran: delivered / this is the per-cell throughput, pooled. */
  scenarioMs: number;
  /** End-to-end latency of the merged histograms, ms. */
  latency: LatencySummary;
}

/**
 * The cells whose matrix values match every `key=value` of the selector. Keys in `ignore` (such as `mode`,
 * which selects failures, not cells) are skipped; a key that is not a matrix dimension matches nothing.
 */
export function selectCells(results: RunResults, selector: Readonly<Record<string, string>>, ignore: readonly string[] = ['mode']): CellResults[] {
  const pairs = Object.entries(selector).filter(([k]) => !ignore.includes(k));
  return results.cells.filter((c) => pairs.every(([k, v]) => c.values[k] === v));
}

/** Pools cells (see CellPool); `mode` keeps only the failures of that mode. */
export function poolCells(cells: readonly CellResults[], confidence: number, mode?: string): CellPool {
  const exposureHours = cells.reduce((t, c) => t + c.exposureHours, 0);
  const failures = cells.flatMap((c) => c.failures).filter((f) => mode === undefined || f.mode === mode);
  const delivery = sumCounts(cells.map((c) => c.delivery));
  const histograms = cells.map((c) => decodeHistogram(c.latency.endToEnd.histogram));
  return {
    cells: [...cells],
    exposureHours,
    failures,
    htf: hoursToFailure(exposureHours, failures.length, confidence),
    delivery,
    deliveryFinal: cells.every((c) => c.deliveryFinal),
    scenarioMs: cells.reduce((t, c) => t + c.scenarioMs, 0),
    latency: summarize(mergeHistograms(histograms)),
  };
}

function sumCounts(all: readonly DeliveryCounts[]): DeliveryCounts {
  const total: DeliveryCounts = { generated: 0, delivered: 0, duplicated: 0, duplicateCopies: 0, reordered: 0, dropped: 0, droppedButDelivered: 0, undrained: 0, lostInFailures: 0, lost: 0, foreign: 0 };
  for (const counts of all) for (const key of Object.keys(total) as (keyof DeliveryCounts)[]) total[key] += counts[key] ?? 0;
  return total;
}

/** `variant=patch,keepalive=on` or `{variant=patch}` → { variant: 'patch', keepalive: 'on' }; undefined when malformed. */
export function parseCellSelector(text: string): Record<string, string> | undefined {
  const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '').trim();
  if (inner === '') return {};
  const selector: Record<string, string> = {};
  for (const part of inner.split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) return undefined;
    const key = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
    if (key === '' || value === '') return undefined;
    selector[key] = value;
  }
  return selector;
}
