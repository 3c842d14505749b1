import type { FaultSpec } from '../../faults/fault-spec.js';
import type { SinkFaultSpec } from './fault-types.js';
/**
 * The CloudWatch Logs sink's own fault kinds (`sink-*`): each adds a fault to the cell's mock sink when an
 * occurrence starts, limited to the log streams of the instances it hits (but sink-close-idle, which is
 * sink-wide), and removes it when the occurrence ends.
 */
export interface SinkFaultOptions {
    /** The log streams of the instances an occurrence hits; absent: every stream. `sink-close-idle` ignores it (it is sink-wide). */
    streams?: readonly string[];
    /** A window after which the sink ends the fault by itself (scenario ms); absent: until removed. */
    for?: number;
}
/** The mock sink's form of a sink fault; the engine adds it when an occurrence starts and removes it when it ends. */
export declare function toSinkFault(spec: FaultSpec, options?: SinkFaultOptions): SinkFaultSpec;
