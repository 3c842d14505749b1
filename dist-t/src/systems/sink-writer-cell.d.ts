import { DeliveryLedger, type DeliveryCounts } from '../delivery/ledger.js';
import type { BaseHeartbeat, BaseStopped } from './isolation/worker-protocol.js';
import type { CellContext, CellSystem, IntervalFigures, LiveInstance, Loss } from './system-kind.js';
import type { Verdict, Watch } from './watch.js';
/** What the heartbeat of a system that writes duress's records to a sink says about them. */
export interface SinkWriterHeartbeat extends BaseHeartbeat {
    /** Records generated so far. */
    generated: number;
    /** Records declared dropped since the last heartbeat. */
    dropped: number[];
    /** Latencies (scenario ms) of the output requests that ended since the last heartbeat. */
    requestMs: number[];
}
/** A watch that judges an instance by its heartbeat and by when the sink last got a record of it. */
export interface SinkWriterWatch<H> extends Watch {
    check(now: number, hb: H | undefined, lastDeliveryAt: number, frozen: boolean): Verdict | undefined;
}
/**
 * The part of a cell that every system writing duress's records to a sink shares (the forwarder, a user's
 * output module): a delivery ledger fed by the sink (every record found by its id) and by what each
 * instance says it generated and dropped, request latency from the heartbeats, and silent loss judged per
 * instance once everything stopped. A kind adds its channel naming, its watch, what an ended instance
 * leaves, and its request counts.
 */
export declare abstract class SinkWriterCell<C, H extends SinkWriterHeartbeat, S extends BaseStopped, W extends SinkWriterWatch<H>> implements CellSystem<H, S, {
    system: C;
}, W> {
    #private;
    readonly ledger: DeliveryLedger;
    protected readonly context: CellContext<C>;
    constructor(context: CellContext<C>);
    abstract channel(slot: number): string;
    abstract watchFor(startedAt: number): W;
    abstract ended(slot: number, id: string, last: H | undefined, final: S | undefined): void;
    /** Request outcomes summed over the instances that ran (`live`: those running now). */
    protected abstract requestCounts(live: readonly LiveInstance<H>[]): Record<string, number>;
    abstract totals(live: readonly LiveInstance<H>[]): {
        requests: Record<string, number>;
        system: Record<string, number>;
    };
    spawn(_slot: number, id: string): {
        system: C;
    };
    check(watch: W, id: string, last: H | undefined, now: number, frozen: boolean): Verdict | undefined;
    heartbeat(_slot: number, id: string, hb: H, current: boolean): void;
    /** Called with each output request's latency (scenario ms), for a kind that keeps more than the interval's. */
    protected requestEnded(_ms: number): void;
    deliveryCounts(): DeliveryCounts;
    interval(live: readonly LiveInstance<H>[]): IntervalFigures;
    /** Silent loss, judged once everything is stopped: each instance that lost records is one failure. */
    losses(drained: boolean): Loss[];
}
