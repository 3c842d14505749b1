import type { FaultTargets, LiftFault } from '../faults/fault-kind.js';
import type { FaultOccurrence } from '../faults/timeline.js';
export type { FaultTargets } from '../faults/fault-kind.js';
/**
 * Starts one fault occurrence on its instances and returns what lifts it. Each fault kind applies itself
 * (src/faults/fault-kind.ts): toxics and `down` through toxiproxy-node-client on the instances' proxy
 * routes, DNS faults on the cell's DNS server, sink faults on the sink (limited to the streams of the
 * instances hit), instance faults through the runner.
 */
export declare function applyFault(occ: FaultOccurrence, targets: FaultTargets): Promise<LiftFault>;
