import type { InboxKind, InboxPolicy, InboxVerdict, QueuedMessage } from './inbox.js';
import { MessageQueue } from './message-queue.js';
/**
 * What the inboxes that keep one FIFO queue per subscriber share (block, drop-newest, unbounded,
 * disconnect): their counts, oldest-first takes up to a byte budget, no limit in time unless a policy
 * adds one. A policy says what `offer` does at its limit.
 */
export declare abstract class QueuedInbox implements InboxPolicy {
    abstract readonly kind: InboxKind;
    protected readonly queue: MessageQueue;
    abstract offer(message: QueuedMessage, now: number): InboxVerdict;
    get messages(): number;
    get bytes(): number;
    /** Only a policy that holds publishers back (`block`) is ever full. */
    get full(): boolean;
    take(maxBytes: number): QueuedMessage[];
    check(_now: number): string | undefined;
    clear(): QueuedMessage[];
}
