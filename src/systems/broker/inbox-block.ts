import { atLimit, QUEUED, type InboxPolicy, type InboxVerdict, type QueuedMessage, type SizeLimit } from './inbox.js';
import { MessageQueue } from './message-queue.js';

/**
 * Naive fan-out with backpressure: every message is queued, and while the inbox is at its limit the
 * broker stops reading from all publishers. One slow subscriber holds everyone back; nothing is lost.
 */
export class BlockInbox implements InboxPolicy {
  readonly kind = 'block';
  readonly #q = new MessageQueue();
  readonly #limit: SizeLimit;

  constructor(limit: SizeLimit = { messages: 1024 }) {
    this.#limit = limit;
  }

  get messages(): number {
    return this.#q.length;
  }

  get bytes(): number {
    return this.#q.bytes;
  }

  get full(): boolean {
    return atLimit(this.#limit, this.#q.length, this.#q.bytes);
  }

  offer(message: QueuedMessage): InboxVerdict {
    this.#q.push(message);
    return QUEUED;
  }

  take(maxBytes: number): QueuedMessage[] {
    return this.#q.shift(maxBytes);
  }

  check(): string | undefined {
    return undefined;
  }

  clear(): QueuedMessage[] {
    return this.#q.clear();
  }
}
