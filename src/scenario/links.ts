import type { z } from 'zod';
import { faultKind } from '../faults/fault-kinds.js';
import type { BrokerConfig, SystemConfig } from './types.js';
import { describeInput } from '../core/units.js';

/**
 * The network links of one instance of a system: each is a proxy route that faults can act on. A
 * forwarder has one, `sink`; a broker one per subscribing client, `subscriber-<j>` then `peer-<k>`, in
 * the order the broker instance connects them.
 */
export function systemLinks(system: SystemConfig): string[] {
  if (system.kind === 'forwarder') return ['sink'];
  return brokerLinks(system);
}

export function brokerLinks(b: Pick<BrokerConfig, 'subscribers' | 'peers'>): string[] {
  return [...Array.from({ length: b.subscribers }, (_, j) => `subscriber-${j}`), ...Array.from({ length: b.peers }, (_, k) => `peer-${k}`)];
}

interface RawFault {
  kind?: unknown;
  link?: unknown;
}

/**
 * Checks each fault against the system it acts on: a link that exists (a broker's network faults must
 * name one), and no DNS or sink fault where there is no DNS lookup or sink. Runs inside the scenario's
 * superRefine, on data that may have other problems.
 */
export function checkFaultLinks(system: unknown, faults: readonly unknown[], ctx: z.RefinementCtx): void {
  const s = system as Partial<SystemConfig> | null;
  if (!s || (s.kind !== 'forwarder' && s.kind !== 'broker')) return;
  if (s.kind === 'broker' && (typeof s.subscribers !== 'number' || typeof s.peers !== 'number')) return;
  const links = systemLinks(s as SystemConfig);
  faults.forEach((raw, i) => {
    const f = (raw ?? {}) as RawFault;
    if (typeof f.kind !== 'string') return;
    const acts = faultKind(f.kind)?.acts;
    if (s.kind === 'broker' && (acts === 'dns' || acts === 'sink')) {
      ctx.addIssue({
        code: 'custom',
        path: ['faults', i, 'kind'],
        message: `${f.kind} acts on a forwarder's ${acts === 'dns' ? 'DNS lookups' : 'sink'}; a broker has neither (use a toxic or down on a subscriber's link)`,
        input: f.kind,
      });
      return;
    }
    if (acts !== 'link') return;
    if (f.link === undefined) {
      if (s.kind === 'broker') {
        ctx.addIssue({ code: 'custom', path: ['faults', i, 'link'], message: `a broker fault needs the link it acts on: one of ${links.join(', ')}`, input: undefined });
      }
      return;
    }
    if (typeof f.link === 'string' && !links.includes(f.link)) {
      const why = s.kind === 'forwarder' ? 'the forwarder has one link, sink' : `the broker's links are ${links.join(', ')}`;
      ctx.addIssue({ code: 'custom', path: ['faults', i, 'link'], message: `expected one of ${links.join(', ')} (${why}), got ${describeInput(f.link)}`, input: f.link });
    }
  });
}
