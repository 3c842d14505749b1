import { formatCount, formatMs, formatPercent, formatRate } from '../format.js';
import type { CellReport } from '../model.js';

/** The columns of the per-cell latency table; `first` names the first column (terminal tables put the title there). */
export function latencyHead(first = 'cell'): string[] {
  return [first, 'p50', 'p90', 'p99', 'p99.9', 'max', 'records'];
}

/** End-to-end latency per cell, scenario time. */
export function latencyRows(cells: readonly CellReport[]): string[][] {
  return cells.map((c) => {
    const l = c.latency.endToEnd;
    return [c.name, formatMs(l.p50), formatMs(l.p90), formatMs(l.p99), formatMs(l.p99_9), formatMs(l.max), formatCount(l.count)];
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
