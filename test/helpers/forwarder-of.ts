import type { Scenario } from '../../src/scenario/types.js';
import type { ForwarderConfig } from '../../src/systems/forwarder/config.js';

/** The scenario's system, which the test expects to be a forwarder. */
export function forwarderOf(s: Scenario): ForwarderConfig {
  if (s.system.kind !== 'forwarder') throw new Error(`expected a forwarder scenario, got system.kind ${s.system.kind}`);
  return s.system as unknown as ForwarderConfig;
}
