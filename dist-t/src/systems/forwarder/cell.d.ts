import { type Histogram } from '../../metrics/histogram.js';
import { SinkWriterCell } from '../sink-writer-cell.js';
import type { LiveInstance } from '../system-kind.js';
import type { ForwarderConfig } from './config.js';
import type { ForwarderStopped, Heartbeat } from './messages.js';
import { InstanceWatch } from './watch.js';
/** What the forwarder's `spawn` adds to a worker's start data (SinkAccess and the engine's fields come with it). */
export interface ForwarderSpawnData {
    system: ForwarderConfig;
}
/**
 * The forwarder's part of one cell (the engine runs the instances, the sink, the DNS server and the
 * routes): the delivery accounting every sink writer shares (SinkWriterCell), what a stopped instance still
 * held, every request's latency over the cell, and the forwarder's own counters.
 */
export declare class ForwarderCell extends SinkWriterCell<ForwarderConfig, Heartbeat, ForwarderStopped, InstanceWatch> {
    #private;
    channel(slot: number): string;
    watchFor(startedAt: number): InstanceWatch;
    protected requestEnded(ms: number): void;
    ended(_slot: number, id: string, last: Heartbeat | undefined, final: ForwarderStopped | undefined): void;
    protected requestCounts(live: readonly LiveInstance<Heartbeat>[]): Record<string, number>;
    totals(live: readonly LiveInstance<Heartbeat>[]): {
        requests: Record<string, number>;
        system: Record<string, number>;
    };
    /** Request outcomes and system counters, summed over the instances that ran (`live`: those running now; none once the cell stopped). */
    counters(live?: readonly LiveInstance<Heartbeat>[]): {
        requests: Record<string, number>;
        system: Record<string, number>;
    };
    /** Every output request's latency over the cell, scenario ms. */
    get requestLatency(): Histogram;
}
