import type { IntervalEvent, LinkInterval, LinkTableSpec } from '../journal/events.js';
import type { CellLinks, LinkResults } from './results.js';

// Compatibility: journals and results.json written before system kinds declared their report sections
// carry a broker cell's per-link figures as `subscribers` (on each interval, and on each cell of the
// results), in the broker's own terms, with no section saying how to show them, and no list of the request
// outcomes that count as succeeded. They are read here in the terms the kinds declare now, copied from
// them as they were then (results/ sits below systems/ and may not import a kind). Nothing else in src/
// knows the old shapes; nothing writes them any more.

/**
 * The request outcomes counted as succeeded in a journal whose cells do not say (`cell-start`'s
 * `succeededRequests`): then only the forwarder made requests, and these were its successes
 * (src/systems/forwarder/kind.ts).
 */
export const LEGACY_SUCCEEDED_REQUESTS: readonly string[] = ['ok', 'data_already_accepted', 'resource_already_exists'];

/** The broker's report section as the report showed `subscribers` (src/systems/broker/report-section.ts). */
export const LEGACY_BROKER_LINK_TABLE: LinkTableSpec = {
  id: 'subscribers',
  heading: 'Fast subscribers',
  caption: "Fast subscribers (no fault on their link): end-to-end latency, scenario time; beside it, the faulted subscribers and the broker's memory (per instance).",
  noun: 'subscriber',
  baseline: 'fast',
  counts: [
    { key: 'dropped', head: 'dropped', format: 'count' },
    { key: 'cut', head: 'lost when disconnected', format: 'count' },
    { key: 'disconnected', head: 'cut off', format: 'times' },
  ],
  system: [
    { key: 'peakQueuedBytes', head: 'peak queued', format: 'size' },
    { key: 'peakMemory', head: 'peak memory', format: 'size' },
  ],
};

/** One subscribing client as old journals and results wrote it: the counts beside the figures. */
interface LegacySubscriber {
  name: string;
  role: string;
  delivered: number;
  dropped: number;
  cut: number;
  disconnected: number;
}

/** An old interval's `subscribers` as link figures; undefined when it has none. */
export function legacyLinks(iv: IntervalEvent): LinkInterval[] | undefined {
  const old = (iv as { subscribers?: (LegacySubscriber & { latency: string })[] }).subscribers;
  return old?.map((s) => ({ name: s.name, role: s.role, latency: s.latency, delivered: s.delivered, counts: legacyCounts(s) }));
}

/**
 * An old results.json cell's `subscribers` as its `perLink` (in place, on the parsed file): a cell that
 * already has `perLink`, or has neither, is left as it is.
 */
export function upgradeLegacyCell(cell: object): void {
  const c = cell as { subscribers?: (LegacySubscriber & { count: number; p50: number; p99: number; max: number })[]; perLink?: CellLinks };
  if (!c.subscribers || c.perLink) return;
  c.perLink = {
    table: LEGACY_BROKER_LINK_TABLE,
    links: c.subscribers.map((s): LinkResults => ({ name: s.name, role: s.role, count: s.count, p50: s.p50, p99: s.p99, max: s.max, delivered: s.delivered, counts: legacyCounts(s) })),
  };
  delete c.subscribers;
}

function legacyCounts(s: LegacySubscriber): Record<string, number> {
  return { dropped: s.dropped, cut: s.cut, disconnected: s.disconnected };
}
