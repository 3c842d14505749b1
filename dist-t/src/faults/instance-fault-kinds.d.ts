import type { FaultKind, SpecOf } from './fault-kind.js';
/**
 * The instance faults: kill and pause act on the instance itself, through the cell's runner. By default
 * each occurrence hits one instance: hitting every instance at once would make failures cluster (and the
 * hours-to-failure bounds assume independent failures).
 */
export declare const killFaultKind: FaultKind<SpecOf<'kill', Record<string, never>>>;
export declare const pauseFaultKind: FaultKind<SpecOf<'pause', Record<string, never>>>;
