import type { SubscriberRole } from '../journal/events.js';
import { foldLag, lagMayDistort } from '../results/fold-harness.js';
import type { CellResults } from '../results/results.js';

/**
 * The broker's head-of-line table: per cell, the latency of its fast subscribers (no fault on their link)
 * beside what happened to the faulted ones and to the broker's memory. Present in a report only when its
 * cells have subscriber figures (a broker scenario).
 */
export interface SubscriberTable {
  /** The matrix dimension `p99Ratio` compares across (its last); undefined without a matrix. */
  comparedAcross: string | undefined;
  rows: SubscriberRow[];
}

export interface SubscriberRow {
  cell: string;
  cellIndex: number;
  values: Record<string, string>;
  /** End-to-end latency of the fast subscribers together (the cell's end-to-end latency), scenario ms. */
  fast: { count: number; p50: number; p99: number; max: number };
  /**
   * The fast figures (`p50`, `p99`, `max`) that harness lag may have distorted (lag × speed at least 10%
   * of the figure, as the latency table judges them): the renderers mark them `*`.
   */
  lagDistorted: ('p50' | 'p99' | 'max')[];
  /**
   * The fast p99 over the lowest fast p99 among the cells that differ from this one only in the matrix's
   * last dimension (`comparedAcross`; every cell with one dimension): 1 for the best, 10 for ten times
   * worse. Undefined when there is nothing to compare with.
   */
  p99Ratio: number | undefined;
  /** The subscribers with a fault on their link. */
  faulted: { name: string; role: SubscriberRole; p99: number; delivered: number; dropped: number; cut: number; disconnected: number; p99LagDistorted: boolean }[];
  /** The most bytes the broker held for its subscribers (heartbeat samples), and the most memory an instance used. */
  peakQueuedBytes: number | undefined;
  peakMemory: number | undefined;
}

export function subscriberTable(cells: readonly CellResults[]): SubscriberTable | undefined {
  if (!cells.some((c) => c.subscribers !== undefined)) return undefined;
  const dims = Object.keys(cells[0]?.values ?? {});
  const fixed = dims.slice(0, -1);
  const rows = cells.map((c): SubscriberRow => {
    const l = c.latency.endToEnd;
    const peers = cells.filter((o) => o.latency.endToEnd.count > 0 && fixed.every((d) => o.values[d] === c.values[d]));
    const best = Math.min(...peers.map((o) => o.latency.endToEnd.p99));
    // Results written before lag was measured have none: nothing is flagged then.
    const lag = c.harnessLag ?? foldLag([], 1);
    return {
      cell: c.name,
      cellIndex: c.index,
      values: c.values,
      fast: { count: l.count, p50: l.p50, p99: l.p99, max: l.max },
      lagDistorted: l.count === 0 ? [] : (['p50', 'p99', 'max'] as const).filter((k) => lagMayDistort(l[k], lag)),
      p99Ratio: peers.length > 1 && l.count > 0 && best > 0 ? l.p99 / best : undefined,
      faulted: (c.subscribers ?? [])
        .filter((s) => s.role !== 'fast')
        .map((s) => ({
          name: s.name,
          role: s.role,
          p99: s.p99,
          delivered: s.delivered,
          dropped: s.dropped,
          cut: s.cut,
          disconnected: s.disconnected,
          p99LagDistorted: s.count > 0 && lagMayDistort(s.p99, lag),
        })),
      peakQueuedBytes: c.system.peakQueuedBytes,
      peakMemory: c.system.peakMemory,
    };
  });
  return { comparedAcross: dims[dims.length - 1], rows };
}
