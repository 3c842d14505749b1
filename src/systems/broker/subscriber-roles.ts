import { kindOf } from '../../faults/fault-kinds.js';
import type { FaultSpec } from '../../faults/fault-spec.js';

/** What a subscribing client is in a cell (the roles of the broker's links table, report-section.ts). */
export type SubscriberRole = 'fast' | 'slow' | 'dead';

/**
 * What a broker's subscribing client is in a cell, by the faults the scenario puts on its link:
 *   dead - a fault that stops data or the connection (its kind's `stopsData`: timeout, silent, down, reset_peer, limit_data),
 *          or stalls it with these parameters (`stalls`: bandwidth at rate 0, a subscriber connected and reading nothing);
 *   slow - any other fault on the link (bandwidth, latency, slicer, slow_close);
 *   fast - no fault on its link at all.
 * Judged from the scenario, not from the timeline: a subscriber is fast only if no fault ever names its
 * link, so the fast subscribers' latency never includes a faulted link, whatever share of instances a
 * fault hits and whenever it starts.
 */
export function subscriberRole(link: string, faults: readonly FaultSpec[]): SubscriberRole {
  let role: SubscriberRole = 'fast';
  for (const f of faults) {
    const kind = kindOf(f);
    if (kind.acts !== 'link' || (f['link'] ?? 'sink') !== link) continue;
    if (kind.stopsData || kind.stalls?.(f)) return 'dead';
    role = 'slow';
  }
  return role;
}
