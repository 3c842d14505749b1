import { QUEUED } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';
/** Keeps every message however slow the subscriber (kylelemons/iq): nothing lost, memory without bound. */
export class UnboundedInbox extends QueuedInbox {
    kind = 'unbounded';
    offer(message) {
        this.queue.push(message);
        return QUEUED;
    }
}
//# sourceMappingURL=inbox-unbounded.js.map