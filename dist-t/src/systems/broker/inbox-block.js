import { atLimit, QUEUED } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';
/**
 * Naive fan-out with backpressure: every message is queued, and while the inbox is at its limit the
 * broker stops reading from all publishers. One slow subscriber holds everyone back; nothing is lost.
 */
export class BlockInbox extends QueuedInbox {
    kind = 'block';
    #limit;
    constructor(limit = { messages: 1024 }) {
        super();
        this.#limit = limit;
    }
    get full() {
        return atLimit(this.#limit, this.queue.length, this.queue.bytes);
    }
    offer(message) {
        this.queue.push(message);
        return QUEUED;
    }
}
//# sourceMappingURL=inbox-block.js.map