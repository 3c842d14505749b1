import { atLimit, DROPPED, QUEUED, type InboxVerdict, type QueuedMessage, type SizeLimit } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';

/**
 * A bounded inbox that drops new messages while it is at its limit (nats.go's pending limits): the
 * subscriber misses them, the broker counts each drop per publisher, nobody else is held back.
 */
export class DropNewestInbox extends QueuedInbox {
  readonly kind = 'drop-newest';
  readonly #limit: SizeLimit;

  constructor(limit: SizeLimit = { messages: 1024 }) {
    super();
    this.#limit = limit;
  }

  offer(message: QueuedMessage): InboxVerdict {
    if (atLimit(this.#limit, this.queue.length, this.queue.bytes)) return DROPPED;
    this.queue.push(message);
    return QUEUED;
  }
}
