import { type InboxVerdict, type QueuedMessage, type SizeLimit } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';
/**
 * A bounded inbox that drops new messages while it is at its limit (nats.go's pending limits): the
 * subscriber misses them, the broker counts each drop per publisher, nobody else is held back.
 */
export declare class DropNewestInbox extends QueuedInbox {
    #private;
    readonly kind = "drop-newest";
    constructor(limit?: SizeLimit);
    offer(message: QueuedMessage): InboxVerdict;
}
