import type { Scenario } from '../../src/scenario/types.js';
/**
 * A small forwarder scenario for tests, from YAML so it goes through the real loader and defaults.
 * `extra` is appended YAML (top-level keys), and `overrides` are `--set` style key paths.
 */
export declare function forwarderScenario(overrides?: Record<string, string>): Scenario;
/**
 * A small broker scenario for tests: 2 publishers at 200/s and 3 subscribers on one instance, block
 * inbox, 1-second intervals, at real speed. `overrides` are `--set` style key paths.
 */
export declare function brokerScenario(overrides?: Record<string, string>): Scenario;
