import { isLinkSpec, type FaultSpec } from '../faults/fault-spec.js';
import type { SubscriberRole } from '../journal/events.js';

export type { SubscriberRole };

/**
 * What a broker's subscribing client is in a cell, by the faults the scenario puts on its link:
 *   dead - a fault that stops data or the connection (timeout, silent, down, reset_peer, limit_data);
 *   slow - any other toxic (bandwidth, latency, slicer, slow_close);
 *   fast - no fault on its link at all.
 * Judged from the scenario, not from the timeline: a subscriber is fast only if no fault ever names its
 * link, so the fast subscribers' latency never includes a faulted link, whatever share of instances a
 * fault hits and whenever it starts.
 */

const DEAD_KINDS: ReadonlySet<string> = new Set(['timeout', 'silent', 'down', 'reset_peer', 'limit_data']);

export function subscriberRole(link: string, faults: readonly FaultSpec[]): SubscriberRole {
  let role: SubscriberRole = 'fast';
  for (const f of faults) {
    if (!isLinkSpec(f) || (f.link ?? 'sink') !== link) continue;
    if (DEAD_KINDS.has(f.kind)) return 'dead';
    role = 'slow';
  }
  return role;
}
