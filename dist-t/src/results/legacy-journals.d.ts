import type { IntervalEvent, LinkInterval, LinkTableSpec } from '../journal/events.js';
/**
 * The request outcomes counted as succeeded in a journal whose cells do not say (`cell-start`'s
 * `succeededRequests`): then only the forwarder made requests, and these were its successes
 * (src/systems/forwarder/kind.ts).
 */
export declare const LEGACY_SUCCEEDED_REQUESTS: readonly string[];
/** The broker's report section as the report showed `subscribers` (src/systems/broker/report-section.ts). */
export declare const LEGACY_BROKER_LINK_TABLE: LinkTableSpec;
/** An old interval's `subscribers` as link figures; undefined when it has none. */
export declare function legacyLinks(iv: IntervalEvent): LinkInterval[] | undefined;
/**
 * An old results.json cell's `subscribers` as its `perLink` (in place, on the parsed file): a cell that
 * already has `perLink`, or has neither, is left as it is.
 */
export declare function upgradeLegacyCell(cell: object): void;
