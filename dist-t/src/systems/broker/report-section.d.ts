import type { LinkTableSpec } from '../../journal/events.js';
/**
 * The broker's section of the report (SystemKind.report.links): its subscribing clients' links table. Each
 * row is one cell: the latency of its fast subscribers (no fault on their link; the cell's end-to-end
 * latency, cell.ts) beside the faulted subscribers (slow or dead, subscriber-roles.ts) with what their
 * inbox policy did to them, and the broker's memory. The `counts` keys are those cell.ts journals per
 * link; the `system` keys are among its interval counters.
 */
export declare const BROKER_LINK_TABLE: LinkTableSpec;
