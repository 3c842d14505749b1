import { parseScenario } from '../../src/scenario/load.js';
/**
 * A small forwarder scenario for tests, from YAML so it goes through the real loader and defaults.
 * `extra` is appended YAML (top-level keys), and `overrides` are `--set` style key paths.
 */
export function forwarderScenario(overrides = {}) {
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
/**
 * A small broker scenario for tests: 2 publishers at 200/s and 3 subscribers on one instance, block
 * inbox, 1-second intervals, at real speed. `overrides` are `--set` style key paths.
 */
export function brokerScenario(overrides = {}) {
    const text = `
name: test-broker
seed: 7
duration: 3s
instances: 1
drain: 3s
system:
  kind: broker
  publishers: 2
  subscribers: 3
  rate: 200/s
  payloadSize: 200B
  inbox: { kind: block, limit: { messages: 200 } }
failures: { hangWindow: 10s }
report: { interval: 1s }
`;
    return parseScenario(text, 'test-broker.yaml', Object.entries(overrides).map(([path, value]) => ({ path, value })));
}
//# sourceMappingURL=scenario-text.js.map