import type { LinkTableSpec } from '../journal/events.js';
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
    baseline: {
        count: number;
        p50: number;
        p99: number;
        max: number;
    };
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
    faulted: {
        name: string;
        role: string;
        p99: number;
        delivered: number;
        counts: Record<string, number>;
        p99LagDistorted: boolean;
    }[];
    /** The spec's `system` counters of the cell, by key (undefined when the cell has none). */
    system: Record<string, number | undefined>;
}
export declare function linkTable(cells: readonly CellResults[]): LinkTable | undefined;
