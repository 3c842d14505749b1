import { kindOf } from '../faults/fault-kinds.js';
/**
 * Starts one fault occurrence on its instances and returns what lifts it. Each fault kind applies itself
 * (src/faults/fault-kind.ts): toxics and `down` through toxiproxy-node-client on the instances' proxy
 * routes, DNS faults on the cell's DNS server, sink faults on the sink (limited to the streams of the
 * instances hit), instance faults through the runner.
 */
export async function applyFault(occ, targets) {
    return kindOf(occ.spec).apply(occ, targets);
}
//# sourceMappingURL=fault-applier.js.map