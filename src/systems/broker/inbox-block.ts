import { atLimit, QUEUED, type InboxVerdict, type QueuedMessage, type SizeLimit } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';

/**
 * Naive fan-out with backpressure: every message is queued, and while the inbox is at its limit the
 * broker stops reading from all publishers. One slow subscriber holds everyone back; nothing is lost.
 */
export class BlockInbox extends QueuedInbox {
  readonly kind = 'block';
  readonly #limit: SizeLimit;

  constructor(limit: SizeLimit = { messages: 1024 }) {
    super();
    this.#limit = limit;
  }

  override get full(): boolean {
    return atLimit(this.#limit, this.queue.length, this.queue.bytes);
  }

  offer(message: QueuedMessage): InboxVerdict {
    this.queue.push(message);
    return QUEUED;
  }
}
