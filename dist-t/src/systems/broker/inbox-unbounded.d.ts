import { type InboxVerdict, type QueuedMessage } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';
/** Keeps every message however slow the subscriber (kylelemons/iq): nothing lost, memory without bound. */
export declare class UnboundedInbox extends QueuedInbox {
    readonly kind = "unbounded";
    offer(message: QueuedMessage): InboxVerdict;
}
