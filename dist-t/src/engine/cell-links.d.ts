import { type DnsServer } from '../faults/dns-server.js';
import type { Scenario } from '../scenario/types.js';
import type { Sink } from '../sinks/sink.js';
import type { SinkAccess } from '../systems/isolation/worker-protocol.js';
import type { LinkPlan, SystemKind } from '../systems/system-kind.js';
import type { ScaledClock } from '../core/clock.js';
import type { FaultTargets } from './fault-applier.js';
import type { FaultLayer } from './fault-layer.js';
/**
 * What a cell's instances are reached by, as their kind's LinkPlan asks: the cell's sink (started through
 * the sink registry), its DNS fault server, and per slot one proxy route per link on the run's fault
 * layer. Routes to the sink are made at `open`; routes to the instance itself are made when its first
 * generation listens and re-pointed for each renewal (`pointAt`). Faults reach all of it through `targets`.
 */
export declare class CellLinks {
    #private;
    readonly plan: LinkPlan;
    readonly sink: Sink | undefined;
    readonly dns: DnsServer | undefined;
    constructor(kind: SystemKind, scenario: Scenario, cell: number, clock: ScaledClock, layer: FaultLayer);
    /** Starts the sink and the DNS server, and the routes to the sink of the slots (a count: 0 … n - 1; or their indices). */
    open(slots: number | readonly number[]): Promise<void>;
    /** How slot `slot`'s instance reaches the sink; undefined for a kind with no sink. */
    access(slot: number): Omit<SinkAccess, 'channel'> | undefined;
    dnsName(slot: number): string;
    /**
     * Points the slot's routes at a generation's instance listening on `port`: made on the first,
     * re-pointed for each renewal (keeping their toxics and whether they are down). Resolves with the
     * routes' ports, by link.
     */
    pointAt(slot: number, port: number): Promise<number[]>;
    /** What faults act on: routes by link, the DNS server and the sink (`channel`: the sink's name of a slot's traffic). */
    targets(noun: string, channel: (slot: number) => string): Omit<FaultTargets, 'toxicSpeed' | 'kill' | 'freeze'>;
    close(): Promise<void>;
}
