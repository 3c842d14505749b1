import type { FramedConnection } from './framed-connection.js';
import type { InboxPolicy, QueuedMessage } from './inbox.js';
import { type PairCounts } from './pair-counts.js';
/** What an outlet tells its broker. */
export interface OutletHooks {
    /** The inbox's `full` flag may have changed (block policy backpressure). */
    fullChanged(outlet: Outlet): void;
    /** The outlet is gone (disconnected by policy, or the subscriber went away). */
    gone(outlet: Outlet, reason: string, byPolicy: boolean): void;
}
/**
 * The broker's side of one subscriber: its inbox (policy), the messages taken from the inbox and waiting
 * for a send slot (sync-ack mode), and the writer that moves them to the socket as fast as the socket and
 * the slots allow. Keeps the per-publisher account of what happened to each routed message.
 */
export declare class Outlet {
    #private;
    readonly id: string;
    readonly inbox: InboxPolicy;
    readonly pairs: Map<string, PairCounts>;
    deepestMessages: number;
    deepestBytes: number;
    constructor(id: string, conn: FramedConnection<QueuedMessage>, inbox: InboxPolicy, hooks: OutletHooks);
    get gone(): boolean;
    /** Messages held for this subscriber: queued in the inbox or waiting for a send slot. */
    get queuedMessages(): number;
    /** Bytes held: inbox, waiting for a slot, and in the socket's userland buffer. */
    get queuedBytes(): number;
    pair(publisherId: string): PairCounts;
    offer(message: QueuedMessage): void;
    /** Time-based limits of the policy. */
    check(now: number): void;
    /** The subscriber can take `bytes` more. */
    grant(bytes: number): void;
    /** The subscriber acknowledged these messages (sync-ack mode). */
    acked(messages: QueuedMessage[]): void;
    schedulePump(): void;
    /**
     * Moves messages to the socket while it (and, in sync-ack mode, the send slots) can take them. Frames
     * adjacent in memory (msg-encoder.ts) leave as one chunk, so a batch is mostly a few slab views.
     */
    pump(): void;
    /** Cuts the subscriber off: everything still held for it is counted as cut. */
    disconnect(reason: string, byPolicy: boolean): void;
    get full(): boolean;
}
