import { parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';

/**
 * A small forwarder scenario for tests, from YAML so it goes through the real loader and defaults.
 * `extra` is appended YAML (top-level keys), and `overrides` are `--set` style key paths.
 */
export function forwarderScenario(overrides: Record<string, string> = {}): Scenario {
  const text = `
name: test
seed: 7
duration: 2s
instances: 1
drain: 20s
system:
  kind: forwarder
  input: { rate: 500/s, recordSize: 120B }
  flush: 100ms
  scheduler: { kind: sync-minimal, base: 20ms, cap: 200ms, retryLimit: unlimited }
  net: { keepaliveIdleTimeout: 4s, connectTimeout: 2s }
sink:
  kind: cloudwatch
  streamRate: 0/s
`;
  return parseScenario(text, 'test.yaml', Object.entries(overrides).map(([path, value]) => ({ path, value })));
}
