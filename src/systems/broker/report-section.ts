import type { LinkTableSpec } from '../../journal/events.js';

/**
 * The broker's section of the report (SystemKind.report.links): its subscribing clients' links table. Each
 * row is one cell: the latency of its fast subscribers (no fault on their link; the cell's end-to-end
 * latency, cell.ts) beside the faulted subscribers (slow or dead, subscriber-roles.ts) with what their
 * inbox policy did to them, and the broker's memory. The `counts` keys are those cell.ts journals per
 * link; the `system` keys are among its interval counters.
 */
export const BROKER_LINK_TABLE: LinkTableSpec = {
  id: 'subscribers',
  heading: 'Fast subscribers',
  caption: "Fast subscribers (no fault on their link): end-to-end latency, scenario time; beside it, the faulted subscribers and the broker's memory (per instance).",
  noun: 'subscriber',
  baseline: 'fast',
  counts: [
    // Refused by its inbox policy (drop-newest).
    { key: 'dropped', head: 'dropped', format: 'count' },
    // Lost because its connection ended, whoever ended it: the broker's policy (counted beside as `cut off`)
    // or the network (a `down` fault, a reset); queued for it or published after.
    { key: 'cut', head: 'lost when disconnected', format: 'count' },
    // Times it was cut off by the inbox policy or the real broker (once per instance at most).
    { key: 'disconnected', head: 'cut off', format: 'times' },
    // When it was cut off, scenario time from the cell's start (the mean over instances): beside the fault's `at`.
    { key: 'cutAt', head: 'cut off at', format: 'duration' },
  ],
  system: [
    // The most bytes the broker held for its subscribers (heartbeat samples), and the most memory an instance used.
    { key: 'peakQueuedBytes', head: 'peak queued', format: 'size' },
    { key: 'peakMemory', head: 'peak memory', format: 'size' },
  ],
};
