import type { Clock } from '../../core/clock.js';
import type { ClientConnection } from './client-connection.js';
import { type ReadRate } from './read-throttle.js';
import { type ReceiveCounts } from './receive-account.js';
export interface SubscriberOptions {
    /** The connection's id is the subscriber id. */
    connection: ClientConnection;
    topics: string[];
    clock: Clock;
    /** Read no faster than this (a slow consumer without a proxy). */
    readRate?: ReadRate | undefined;
    /** Subscribe, then never read (a dead consumer: connected, not reading) until `resume()`. */
    paused?: boolean | undefined;
    /** Called with the end-to-end latency (scenario ms) of every first delivery, as it is recorded. */
    onLatency?: ((ms: number) => void) | undefined;
}
/**
 * Reads messages and accounts for them per publisher: delivered, duplicates, reordering, gaps, and
 * end-to-end latency (receive time minus the publisher's scheduled time, scenario ms), handed to
 * `onLatency` as it is measured. The subscriber keeps no histogram: its worker ships the raw values
 * (messages.ts), and an HDR histogram library loaded in every broker worker costs megabytes each.
 */
export declare class Subscriber {
    #private;
    readonly id: string;
    /** MSG frames read, duplicates included. */
    received: number;
    /** Distinct messages received, over all publishers. */
    delivered: number;
    /** Scenario time of the last first delivery; NaN before the first. */
    lastDeliveryAt: number;
    constructor(options: SubscriberOptions);
    get connection(): ClientConnection;
    get closed(): boolean;
    start(): Promise<void>;
    /** Stops reading (the socket is paused once what has arrived is held). */
    pause(): void;
    resume(): void;
    /** What arrived from one publisher. */
    counts(publisherId: string): ReceiveCounts;
    publishers(): string[];
    close(): void;
}
