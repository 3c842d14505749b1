import { formatCount, formatMs, formatPercent, formatRate } from '../format.js';
import type { CellReport } from '../model.js';

/** The columns of the per-cell latency table; `first` names the first column (terminal tables put the title there). */
export function latencyHead(first = 'cell'): string[] {
  return [first, 'p50', 'p90', 'p99', 'p99.9', 'max', 'records', 'harness lag × speed'];
}

type LatencyKey = 'p50' | 'p90' | 'p99' | 'p99_9' | 'max';

/** A cell's end-to-end latency figure, marked `*` when harness lag may have distorted it. */
export function latencyFigure(c: CellReport, key: LatencyKey): string {
  return `${formatMs(c.latency.endToEnd[key])}${c.lagDistorted.includes(key) ? '*' : ''}`;
}

/**
 * End-to-end latency per cell, scenario time, beside the worst harness lag in scenario time; a figure
 * that lag may have distorted is marked `*` (the report's notes say which and why).
 */
export function latencyRows(cells: readonly CellReport[]): string[][] {
  return cells.map((c) => {
    const l = c.latency.endToEnd;
    const fig = (key: LatencyKey): string => latencyFigure(c, key);
    const lag = c.harnessLagScenarioMs === undefined ? 'not measured' : formatMs(c.harnessLagScenarioMs);
    return [c.name, fig('p50'), fig('p90'), fig('p99'), fig('p99_9'), fig('max'), formatCount(l.count), lag];
  });
}

export function deliveryHead(first = 'cell'): string[] {
  return [first, 'generated', 'delivered', 'duplicated', 'out of order', 'dropped (declared)', 'lost in failures', 'lost silently', 'delivered per scenario second'];
}

/** The ledger's account per cell. Loss is judged only once a cell has ended: the model says "not judged" before. */
export function deliveryRows(cells: readonly CellReport[]): string[][] {
  return cells.map((c) => {
    const d = c.delivery;
    return [
      c.name,
      formatCount(d.generated),
      `${formatCount(d.delivered)} (${formatPercent(d.delivered, d.generated)})`,
      formatCount(d.duplicated),
      formatCount(d.reordered),
      formatCount(d.dropped),
      d.text.lostInFailures,
      d.text.lost,
      formatRate(d.perScenarioSecond),
    ];
  });
}
