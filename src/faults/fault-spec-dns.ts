import type { DnsFault } from './dns-faults.js';
import type { DnsSpec } from './fault-spec.js';

/** The loopback DNS server's form of a DNS fault (durations stay scenario ms). */
export function toDnsFault(spec: DnsSpec): DnsFault {
  const { toxicity } = spec;
  switch (spec.kind) {
    case 'dns-stall':
      return { kind: 'stall', toxicity };
    case 'dns-delay':
      return { kind: 'delay', ms: spec.delay, jitter: spec.jitter, toxicity };
    case 'dns-nxdomain':
      return { kind: 'nxdomain', toxicity };
    case 'dns-servfail':
      return { kind: 'servfail', toxicity };
    case 'dns-wrong-address':
      return { kind: 'wrong-address', addresses: [...spec.address], toxicity };
  }
}
