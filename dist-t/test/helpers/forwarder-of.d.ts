import type { Scenario } from '../../src/scenario/types.js';
import type { ForwarderConfig } from '../../src/systems/forwarder/config.js';
/** The scenario's system, which the test expects to be a forwarder. */
export declare function forwarderOf(s: Scenario): ForwarderConfig;
