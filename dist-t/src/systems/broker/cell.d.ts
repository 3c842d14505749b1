import type { DeliveryCounts } from '../../delivery/ledger.js';
import type { CellContext, CellSystem, IntervalFigures, LiveInstance, Loss } from '../system-kind.js';
import type { Verdict } from '../watch.js';
import type { BrokerConfig } from './config.js';
import type { BrokerHeartbeat, BrokerStopped } from './messages.js';
import { BrokerWatch } from './watch.js';
/**
 * Without `failures.memoryLimit`, a broker instance is failed (memory) at this much heap plus buffers:
 * message buffers live outside the V8 heap, so the worker's heap cap alone would not keep an `unbounded`
 * inbox from taking duress's memory with it.
 */
export declare const DEFAULT_BROKER_MEMORY_LIMIT: number;
/** Counters that are a maximum over instances, not a sum. */
export declare const BROKER_MAX_COUNTERS: ReadonlySet<string>;
/** What the broker's `spawn` adds to a worker's start data. */
export interface BrokerSpawnData {
    system: BrokerConfig;
}
/**
 * The broker's part of one cell (the engine runs the instances and their routes: every subscribing
 * client behind its own proxy route, `subscriber-<j>`, `peer-<k>`, the links faults name).
 *
 * Delivery counts are the broker's own accounting mapped to the ledger's terms (delivery.ts). The
 * interval's end-to-end latency is that of the **fast** subscribers only, those with no fault on their
 * link in the scenario (subscriber-roles.ts): the head-of-line cost a slow or dead subscriber puts on
 * everyone else. Each subscribing client's own latency and counts go in the interval's `links` (the
 * figures of the broker's links table, report-section.ts), and
 * the broker's memory in its `system`.
 */
export declare class BrokerCell implements CellSystem<BrokerHeartbeat, BrokerStopped, BrokerSpawnData, BrokerWatch> {
    #private;
    constructor(context: CellContext<BrokerConfig>);
    open(): Promise<void>;
    spawn(slot: number): BrokerSpawnData;
    watchFor(startedAt: number): BrokerWatch;
    check(watch: BrokerWatch, _id: string, last: BrokerHeartbeat | undefined, now: number, frozen: boolean): Verdict | undefined;
    heartbeat(slot: number, _id: string, hb: BrokerHeartbeat, current: boolean): void;
    /** Keeps what an instance left: its delivery, its subscribers, its counters with its peaks. */
    ended(slot: number, id: string, last: BrokerHeartbeat | undefined, final: BrokerStopped | undefined): void;
    deliveryCounts(live: readonly LiveInstance<BrokerHeartbeat>[]): DeliveryCounts;
    interval(live: readonly LiveInstance<BrokerHeartbeat>[]): IntervalFigures;
    /** Loss per instance: holes no declared drop explains. */
    losses(drained: boolean): Loss[];
    totals(live: readonly LiveInstance<BrokerHeartbeat>[]): {
        requests: Record<string, number>;
        system: Record<string, number>;
    };
}
