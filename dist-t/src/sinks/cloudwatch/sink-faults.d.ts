import type { Clock } from '../../core/clock.js';
import type { ActiveSinkFault, DropConnectionFault, ErrorFault, SinkFaultEnd, SinkFaultSpec, ThrottleFault } from './fault-types.js';
import type { CloudWatchOp } from './operations.js';
/** The programmatic handle on a sink's faults (tests now, the fault timeline later). */
export interface SinkFaults {
    /** Activates a fault now and returns its id. Throws RangeError on a malformed spec. */
    add(spec: SinkFaultSpec): string;
    /** Ends a fault early; false when no active fault has that id. */
    remove(id: string): boolean;
    clear(): void;
    list(): ActiveSinkFault[];
    /** Called once when a fault ends, for whatever reason. Returns an unsubscribe function. */
    onEnd(listener: (fault: ActiveSinkFault, reason: SinkFaultEnd) => void): () => void;
}
/** A fault that decides the whole answer to a request. */
export type RequestFault = ErrorFault | ThrottleFault | DropConnectionFault;
/**
 * The active faults of one sink, in the order they were added. The server asks it, per request, for the
 * fault that decides the answer, the extra latency and the fate of an accepted batch; each question
 * consumes a count only when the fault actually acts.
 */
export declare class SinkFaultSet implements SinkFaults {
    #private;
    constructor(clock: Clock, onIdleChange: () => void);
    get size(): number;
    add(spec: SinkFaultSpec): string;
    remove(id: string): boolean;
    clear(): void;
    /** Ends every fault (the sink is stopping). */
    stop(): void;
    list(): ActiveSinkFault[];
    onEnd(listener: (fault: ActiveSinkFault, reason: SinkFaultEnd) => void): () => void;
    /** The first active error, throttle or drop-connection fault for this request, its count consumed. */
    requestFault(op: CloudWatchOp, stream: string | undefined): RequestFault | undefined;
    /** Scenario ms that active `slow` faults add to this request. */
    extraLatency(op: CloudWatchOp, stream: string | undefined): number;
    /** What becomes of a batch that would be stored: discarded, duplicated, or (undefined) stored normally. */
    batchFault(stream: string): 'discard' | 'duplicate' | undefined;
    /** The idle timeout of the latest active `close-idle` fault (scenario ms), if any. */
    idleOverride(): number | undefined;
}
