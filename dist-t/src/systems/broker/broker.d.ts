import type { Clock } from '../../core/clock.js';
import { type SlotState } from './framed-connection.js';
import type { InboxOptions } from './inbox.js';
import type { PairCounts } from './pair-counts.js';
export interface BrokerOptions {
    clock: Clock;
    /** The inbox policy given to every subscriber. */
    inbox: InboxOptions;
    /** Sync-ack mode with this many slots per pool per connection; off when undefined. */
    syncAck?: {
        slots: number;
    } | undefined;
    /** Userland bytes buffered in a subscriber's socket before its inbox starts to hold messages. */
    writeHighWater?: number;
    maxFrameBytes?: number;
    /** How often time-based inbox limits are checked (scenario ms). */
    checkIntervalMs?: number;
    host?: string;
    port?: number;
}
export interface Address {
    host: string;
    port: number;
}
/** The broker's own counters; every figure is a plain number. */
export interface BrokerCounters {
    connections: number;
    publishersConnected: number;
    subscribersConnected: number;
    /** PUB frames received. */
    received: number;
    /** Copies offered to subscriber inboxes. */
    routed: number;
    dropped: number;
    written: number;
    /** Copies still queued when their subscriber was disconnected or went away. */
    cut: number;
    /** Subscribers disconnected by their inbox policy. */
    disconnected: number;
    /** Subscriber connections that closed for another reason (the client, the network). */
    subscribersLost: number;
    /** Largest inbox seen (messages, bytes), over every subscriber since start. */
    deepestQueueMessages: number;
    deepestQueueBytes: number;
    /** Held for subscribers now: inboxes, messages waiting for a send slot, socket buffers. */
    queuedMessages: number;
    queuedBytes: number;
    /** Times the broker stopped reading from publishers (block policy), and scenario ms spent so. */
    publisherPauses: number;
    publisherPausedMs: number;
    protocolErrors: number;
}
/**
 * The in-process pub/sub broker (design.md "The broker"): a TCP server on loopback speaking the framed
 * protocol of protocol.ts. Publishers publish to topics; every subscriber of a topic gets a copy through
 * its own inbox, whose policy decides what a slow subscriber costs (inbox.ts).
 *
 * In sync-ack mode every data frame is acknowledged and each connection endpoint has bounded slot pools
 * (libchirp). The broker routes synchronously, as libchirp advises for a router between synchronous
 * peers: it holds a publication's receive slot, and acknowledges it, only once every subscriber has
 * acknowledged (or dropped, or lost) its copy. A client that publishes and subscribes over one connection
 * can then lock up with the broker for good when both sides' slots are full (seeds/001).
 */
export declare class Broker {
    #private;
    /** Called when a subscriber is disconnected by its policy or goes away. */
    onSubscriberGone: ((id: string, reason: string, byPolicy: boolean) => void) | undefined;
    constructor(options: BrokerOptions);
    get address(): Address;
    start(): Promise<Address>;
    stop(): Promise<void>;
    /** PUB frames received from one publisher (by client id). */
    receivedFrom(publisherId: string): number;
    /** Per subscriber, per publisher: what happened to each routed copy. Kept after a subscriber is gone. */
    pairs(): Map<string, Map<string, PairCounts>>;
    /** Whether a subscriber (by client id) is still connected. */
    subscriberConnected(id: string): boolean;
    /** Slot pools of every connection (sync-ack mode), broker side. */
    slotStates(): SlotState[];
    counters(): BrokerCounters;
}
