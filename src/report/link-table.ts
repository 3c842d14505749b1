import type { LinkTableSpec } from '../journal/events.js';
import { foldLag, lagMayDistort } from '../results/fold-harness.js';
import type { CellResults } from '../results/results.js';

/**
 * The links table a system kind adds to the report (its LinkTableSpec, carried to here by the journal and
 * the results): per cell, the latency of its baseline links (no fault on them; a broker's fast
 * subscribers) beside what happened to the faulted ones and the cell's system counters (a broker's
 * memory): the head-of-line cost a faulted link puts on the others. Present in a report only when its
 * cells have per-link figures; worded by the section of the first cell that has them.
 */
export interface LinkTable {
  /** How the kind's section is worded and which figures it shows. */
  spec: LinkTableSpec;
  /** The matrix dimension `p99Ratio` compares across (its last); undefined without a matrix. */
  comparedAcross: string | undefined;
  rows: LinkRow[];
}

export interface LinkRow {
  cell: string;
  cellIndex: number;
  values: Record<string, string>;
  /** End-to-end latency of the baseline links together (the cell's end-to-end latency), scenario ms. */
  baseline: { count: number; p50: number; p99: number; max: number };
  /**
   * The baseline figures (`p50`, `p99`, `max`) that harness lag may have distorted (lag × speed at least
   * 10% of the figure, as the latency table judges them): the renderers mark them `*`.
   */
  lagDistorted: ('p50' | 'p99' | 'max')[];
  /**
   * The baseline p99 over the lowest baseline p99 among the cells that differ from this one only in the
   * matrix's last dimension (`comparedAcross`; every cell with one dimension): 1 for the best, 10 for ten
   * times worse. Undefined when there is nothing to compare with.
   */
  p99Ratio: number | undefined;
  /** The links with a fault on them (not of the baseline role), with the spec's `counts`. */
  faulted: { name: string; role: string; p99: number; delivered: number; counts: Record<string, number>; p99LagDistorted: boolean }[];
  /** The spec's `system` counters of the cell, by key (undefined when the cell has none). */
  system: Record<string, number | undefined>;
}

export function linkTable(cells: readonly CellResults[]): LinkTable | undefined {
  const spec = cells.find((c) => c.perLink !== undefined)?.perLink?.table;
  if (!spec) return undefined;
  const dims = Object.keys(cells[0]?.values ?? {});
  const fixed = dims.slice(0, -1);
  const rows = cells.map((c): LinkRow => {
    const l = c.latency.endToEnd;
    const peers = cells.filter((o) => o.latency.endToEnd.count > 0 && fixed.every((d) => o.values[d] === c.values[d]));
    const best = Math.min(...peers.map((o) => o.latency.endToEnd.p99));
    // Results written before lag was measured have none: nothing is flagged then.
    const lag = c.harnessLag ?? foldLag([], 1);
    return {
      cell: c.name,
      cellIndex: c.index,
      values: c.values,
      baseline: { count: l.count, p50: l.p50, p99: l.p99, max: l.max },
      lagDistorted: l.count === 0 ? [] : (['p50', 'p99', 'max'] as const).filter((k) => lagMayDistort(l[k], lag)),
      p99Ratio: peers.length > 1 && l.count > 0 && best > 0 ? l.p99 / best : undefined,
      faulted: (c.perLink?.links ?? [])
        .filter((s) => s.role !== (c.perLink?.table.baseline ?? spec.baseline))
        .map((s) => ({
          name: s.name,
          role: s.role,
          p99: s.p99,
          delivered: s.delivered,
          counts: Object.fromEntries(spec.counts.map((col) => [col.key, s.counts[col.key] ?? 0])),
          p99LagDistorted: s.count > 0 && lagMayDistort(s.p99, lag),
        })),
      system: Object.fromEntries(spec.system.map((col) => [col.key, c.system[col.key]])),
    };
  });
  return { spec, comparedAcross: dims[dims.length - 1], rows };
}
