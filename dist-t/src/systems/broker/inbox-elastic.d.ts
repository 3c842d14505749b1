import { type InboxPolicy, type InboxVerdict, type QueuedMessage, type SizeLimit } from './inbox.js';
/**
 * The batching inbox of seeds/003: the broker appends to one pending batch that grows on demand (nothing
 * is allocated up front), and the writer takes the whole batch at once. A subscriber is judged by time,
 * not by a count: it is disconnected when the oldest message waiting for it is older than `lagMs`, or at
 * once when a message would take the batch past `limit` (the memory bound). Nothing is dropped, nobody
 * else is held back.
 */
export declare class ElasticInbox implements InboxPolicy {
    #private;
    readonly kind = "elastic";
    readonly full = false;
    constructor(options: {
        limit?: SizeLimit;
        lagMs: number;
    });
    get messages(): number;
    get bytes(): number;
    offer(message: QueuedMessage, now: number): InboxVerdict;
    /** The whole batch, whatever `maxBytes` says. */
    take(): QueuedMessage[];
    check(now: number): string | undefined;
    clear(): QueuedMessage[];
}
