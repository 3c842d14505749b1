import type { Clock } from '../../core/clock.js';
import type { Random } from '../../core/random.js';
import { Broker, type Address } from './broker.js';
import type { SlotState } from './framed-connection.js';
import type { InboxOptions } from './inbox.js';
import { Publisher } from './publisher.js';
import type { ReadRate } from './read-throttle.js';
import { Subscriber } from './subscriber.js';
/** Where a client connects: the broker itself (default), or a proxy route in front of it. */
export type AddressChoice = Address[] | ((index: number, broker: Address) => Address | Promise<Address>);
/** Per-subscriber behaviour for tests and scenarios that make a consumer slow without a proxy. */
export interface SubscriberTuning {
    readRate?: ReadRate;
    /** Connected and subscribed, but never reading. */
    paused?: boolean;
}
export interface BrokerInstanceOptions {
    /** Unique within the run; client ids are `<id>/pub-<i>`, `<id>/sub-<j>`, `<id>/peer-<k>`. */
    id: string;
    clock: Clock;
    random: Random;
    /** Clients that only publish. */
    publishers: number;
    /** Clients that only subscribe. */
    subscribers: number;
    /**
     * Clients that publish and subscribe over one connection (a chat room, gossip). In sync-ack mode these
     * are the connections that can lock up with the broker (seeds/001). Default 0.
     */
    peers?: number;
    /** Topics `t0`..`t<n-1>`; publisher i (peers after publishers) publishes to topic i mod n; every subscriber subscribes to all. Default 1. */
    topics?: number;
    /** Messages per scenario second, per publisher (and per peer). */
    rate: number;
    /** Payload bytes per message. */
    payloadSize: number;
    inbox: InboxOptions;
    /** Sync-ack mode with this many slots per pool per connection (libchirp: 1 when synchronous). */
    syncAck?: {
        slots: number;
    } | undefined;
    /** Connect addresses of subscribing clients: subscribers 0..S-1, then peers S..S+K-1. */
    subscriberAddress?: AddressChoice;
    /** Connect addresses of publishers 0..P-1 (peers use their subscriber address). */
    publisherAddress?: AddressChoice;
    /** Slow or dead subscribers, by the same index as `subscriberAddress`. */
    subscriberTuning?: (index: number) => SubscriberTuning | undefined;
    /** Userland bytes buffered in a subscriber's socket before its inbox holds messages (default 64 KiB). */
    writeHighWater?: number;
    /** Credit window of each subscribing client in bytes (default 64 KiB): the stand-in for its socket buffers. */
    creditWindow?: number;
    /** Wall ms between a publisher's hand-overs (default 2). */
    publisherTickMs?: number;
    /**
     * Start even if some subscribing clients cannot connect or subscribe (a dead link at start): they are
     * left closed, and publishing starts once every one has subscribed or failed. Default false: start fails.
     */
    tolerateSubscriberFailures?: boolean;
    /** Called with the end-to-end latency (scenario ms) of every first delivery to subscribing client `index`. */
    onLatency?: (index: number, ms: number) => void;
}
/** Accounting of one subscriber for one publisher, both sides combined. */
export interface PairReport {
    subscriber: string;
    publisher: string;
    /** Messages the publisher sent while the subscriber was subscribed. */
    expected: number;
    delivered: number;
    duplicates: number;
    reordered: number;
    /** Holes below the highest seq received. */
    gaps: number;
    dropped: number;
    /** Lost to a disconnect (still queued or in the socket, or published after it); 0 while connected. */
    cut: number;
    /** Still on the way (connected subscribers only). */
    inTransit: number;
    /** Holes that no declared drop explains: silent loss. */
    lost: number;
    connected: boolean;
}
/** One subscriber's disconnection, for the journal and failure evidence. */
export interface SubscriberGone {
    subscriber: string;
    reason: string;
    byPolicy: boolean;
    /** Scenario epoch ms. */
    at: number;
}
/**
 * One broker with P publishers, S subscribers and K peers on loopback (design.md "The broker"), as one
 * instance under test, run in its worker by worker.ts. `counters()` is flat; per-subscriber latency goes to `onLatency`, per-pair
 * accounting in `pairs()`, slot pools in `slotStates()`, and `progress()` feeds the hang watchdog.
 */
export declare class BrokerInstance {
    #private;
    readonly id: string;
    readonly broker: Broker;
    readonly publishers: Publisher[];
    readonly subscribers: Subscriber[];
    constructor(options: BrokerInstanceOptions);
    start(): Promise<void>;
    stopInput(): void;
    drained(): boolean;
    stop(): Promise<void>;
    counters(): Record<string, number>;
    /** A monotonic count of first deliveries to subscribers and the scenario time of the last one (NaN if none). */
    progress(): {
        delivered: number;
        lastDeliveryAt: number;
    };
    /** Slot pools of every open connection endpoint in sync-ack mode, broker side and client side. */
    slotStates(): SlotState[];
    /** Subscribers disconnected or lost so far. */
    disconnections(): SubscriberGone[];
    /** Per subscriber, per publisher accounting. */
    pairs(): PairReport[];
}
