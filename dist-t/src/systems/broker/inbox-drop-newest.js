import { atLimit, DROPPED, QUEUED } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';
/**
 * A bounded inbox that drops new messages while it is at its limit (nats.go's pending limits): the
 * subscriber misses them, the broker counts each drop per publisher, nobody else is held back.
 */
export class DropNewestInbox extends QueuedInbox {
    kind = 'drop-newest';
    #limit;
    constructor(limit = { messages: 1024 }) {
        super();
        this.#limit = limit;
    }
    offer(message) {
        if (atLimit(this.#limit, this.queue.length, this.queue.bytes))
            return DROPPED;
        this.queue.push(message);
        return QUEUED;
    }
}
//# sourceMappingURL=inbox-drop-newest.js.map