import { MessageQueue } from './message-queue.js';
/**
 * What the inboxes that keep one FIFO queue per subscriber share (block, drop-newest, unbounded,
 * disconnect): their counts, oldest-first takes up to a byte budget, no limit in time unless a policy
 * adds one. A policy says what `offer` does at its limit.
 */
export class QueuedInbox {
    queue = new MessageQueue();
    get messages() {
        return this.queue.length;
    }
    get bytes() {
        return this.queue.bytes;
    }
    /** Only a policy that holds publishers back (`block`) is ever full. */
    get full() {
        return false;
    }
    take(maxBytes) {
        return this.queue.shift(maxBytes);
    }
    check(_now) {
        return undefined;
    }
    clear() {
        return this.queue.clear();
    }
}
//# sourceMappingURL=queued-inbox.js.map