/**
 * A subscriber's inbox on the broker: the messages routed to one subscriber and not yet written to its
 * socket. What happens when a subscriber cannot keep up is the inbox's *policy* (domain.md §4): wait for
 * it and hold everyone back (`block`), drop what does not fit (`drop-newest`), cut it off
 * (`disconnect`, `elastic`), or keep everything (`unbounded`).
 *
 * The broker owns the subscriber's socket and calls the policy at four points:
 *   - `offer` for every message routed to the subscriber: queue it, drop it, or disconnect;
 *   - `take` whenever the socket can take more bytes: the next messages to write, oldest first;
 *   - `check` periodically and after offers, for limits that depend on time (sustained soft limits, lag);
 *   - `clear` when the subscriber is gone: whatever is still queued is lost to it and is counted as cut.
 * `full` is read after each offer and take: while any inbox is full the broker stops reading from
 * publishers (only `block` ever says full).
 *
 * Policies queue messages in FIFO order and never reorder them. All times are scenario epoch ms.
 */
export interface InboxPolicy {
    readonly kind: InboxKind;
    /** Messages queued now. */
    readonly messages: number;
    /** Bytes (whole frames) queued now. */
    readonly bytes: number;
    /** True while the broker must stop reading from publishers (backpressure); only `block` sets it. */
    readonly full: boolean;
    /** A message for this subscriber: queue it, drop it (counted by the broker), or disconnect the subscriber. */
    offer(message: QueuedMessage, now: number): InboxVerdict;
    /**
     * The next messages to write, oldest first, removed from the inbox. At least one if any is queued; more
     * up to about `maxBytes`. A batching policy (`elastic`) hands over its whole batch regardless.
     */
    take(maxBytes: number): QueuedMessage[];
    /** Limits that depend on time; returns a reason to disconnect, or undefined. */
    check(now: number): string | undefined;
    /** Removes and returns everything still queued. */
    clear(): QueuedMessage[];
}
/** One message routed to one subscriber. The frame is encoded once and shared by every subscriber. */
export interface QueuedMessage {
    /**
     * The MSG frame as it goes on the wire: `size` bytes at `at` in `slab`. A slab may hold several frames
     * (msg-encoder.ts), so that a writer sends frames adjacent in one slab as one buffer, and no view of
     * each frame need be made.
     */
    readonly slab: Buffer;
    readonly at: number;
    readonly size: number;
    readonly publisherId: string;
    readonly seq: number;
    /** Scenario epoch ms at which the broker routed it. */
    readonly routedAt: number;
    /** In sync-ack mode, the publication this copy belongs to; it is complete when every copy is settled. */
    readonly origin: Settleable | undefined;
}
/** A publication waiting for its copies (sync-ack mode); `settle` is called once per copy. */
export interface Settleable {
    settle(): void;
}
export type InboxVerdict = {
    kind: 'queued';
} | {
    kind: 'dropped';
} | {
    kind: 'disconnect';
    reason: string;
};
export declare const QUEUED: InboxVerdict;
export declare const DROPPED: InboxVerdict;
export type InboxKind = 'block' | 'drop-newest' | 'disconnect' | 'elastic' | 'unbounded';
/** A size bound in messages and/or bytes; a missing field is no bound on that measure. */
export interface SizeLimit {
    messages?: number;
    bytes?: number;
}
/** The policy and its limits; durations in scenario ms. */
export type InboxOptions = 
/** Publishers are held back while the inbox is at `limit` (default 1024 messages). Nothing is lost. */
{
    kind: 'block';
    limit?: SizeLimit;
}
/** New messages are dropped while the inbox is at `limit` (default 1024 messages); drops are counted. */
 | {
    kind: 'drop-newest';
    limit?: SizeLimit;
}
/**
 * Redis's client-output-buffer-limit: disconnect at once at `hard`; disconnect when `soft` has been
 * exceeded continuously for `softForMs`. At least one limit is required.
 */
 | {
    kind: 'disconnect';
    hard?: SizeLimit;
    soft?: SizeLimit;
    softForMs?: number;
}
/**
 * The batching inbox of seeds/003: grows on demand (nothing preallocated) up to `limit`; disconnects when
 * the oldest queued message is older than `lagMs`, or at once if `limit` would be exceeded.
 */
 | {
    kind: 'elastic';
    limit?: SizeLimit;
    lagMs: number;
}
/** Keeps everything: memory grows without limit while the subscriber is slow. */
 | {
    kind: 'unbounded';
};
/** True when `messages`/`bytes` reach or exceed the limit on either measure. */
export declare function atLimit(limit: SizeLimit | undefined, messages: number, bytes: number): boolean;
/** True when the limit is strictly exceeded on either measure. */
export declare function overLimit(limit: SizeLimit | undefined, messages: number, bytes: number): boolean;
