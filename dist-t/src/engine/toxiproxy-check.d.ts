import type { Scenario } from '../scenario/types.js';
/**
 * Refuses, before anything starts, a scenario whose faults a real Toxiproxy server cannot apply: the
 * toxics only duress's embedded proxy has (their kind's `notInToxiproxy`: `silent`). Sending one to a
 * real server would fail mid-run with `invalid toxic type`, after the cells had started; mapping it to a Toxiproxy toxic would silently change
 * the fault (Toxiproxy's `timeout` closes the connection when the far end closes; `silent` does not).
 */
export declare function checkToxicsSupported(s: Scenario, source: string, toxiproxyUrl: string): void;
