import type { Clock } from '../../core/clock.js';
import type { Random } from '../../core/random.js';
import type { ClientConnection } from './client-connection.js';
export interface PublisherOptions {
    /** The connection's id is the publisher id carried in every MSG. */
    connection: ClientConnection;
    topic: string;
    /** Messages per scenario second. */
    rate: number;
    /** Payload bytes per message. */
    payloadSize: number;
    clock: Clock;
    random: Random;
    /** Wall ms between hand-overs to the socket at most (default 2); a slower publisher wakes when its next message is due. */
    tickMs?: number;
}
/**
 * Publishes at a fixed rate of scenario time. Message k is *scheduled* at start + k / rate and carries
 * that time, so latency measured from it includes any time the publisher was held back (backpressure,
 * no free send slot): no coordinated omission. Messages the connection cannot take now stay owed and are
 * tried again on the next tick, or as soon as the connection becomes writable.
 */
export declare class Publisher {
    #private;
    readonly id: string;
    /** Ticks on which messages were owed and the connection could not take them. */
    stalledTicks: number;
    /** Scenario time since when the publisher has been unable to send what it owes; NaN when not stalled. */
    stalledSince: number;
    constructor(options: PublisherOptions);
    /** Messages written to the connection. */
    get sent(): number;
    /** Messages due by now and not yet sent. */
    get backlog(): number;
    /** The connection is gone: nothing more will be sent or acknowledged. */
    get closed(): boolean;
    get running(): boolean;
    start(): Promise<void>;
    /** Stops producing; what was owed and not sent is abandoned (never scheduled as far as anyone knows). */
    stopInput(): void;
}
