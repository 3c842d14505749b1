import { type InboxVerdict, type QueuedMessage, type SizeLimit } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';
/**
 * Naive fan-out with backpressure: every message is queued, and while the inbox is at its limit the
 * broker stops reading from all publishers. One slow subscriber holds everyone back; nothing is lost.
 */
export declare class BlockInbox extends QueuedInbox {
    #private;
    readonly kind = "block";
    constructor(limit?: SizeLimit);
    get full(): boolean;
    offer(message: QueuedMessage): InboxVerdict;
}
