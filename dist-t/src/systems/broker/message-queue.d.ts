import type { QueuedMessage } from './inbox.js';
/** A FIFO of queued messages that keeps its message and byte counts and never copies on dequeue. */
export declare class MessageQueue {
    #private;
    get length(): number;
    get bytes(): number;
    push(m: QueuedMessage): void;
    peek(): QueuedMessage | undefined;
    /** Removes messages from the front: at least one (if any), then more while under `maxBytes`. */
    shift(maxBytes: number): QueuedMessage[];
    clear(): QueuedMessage[];
}
