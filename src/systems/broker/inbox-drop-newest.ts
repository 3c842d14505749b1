import { atLimit, DROPPED, QUEUED, type InboxPolicy, type InboxVerdict, type QueuedMessage, type SizeLimit } from './inbox.js';
import { MessageQueue } from './message-queue.js';

/**
 * A bounded inbox that drops new messages while it is at its limit (nats.go's pending limits): the
 * subscriber misses them, the broker counts each drop per publisher, nobody else is held back.
 */
export class DropNewestInbox implements InboxPolicy {
  readonly kind = 'drop-newest';
  readonly full = false;
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

  offer(message: QueuedMessage): InboxVerdict {
    if (atLimit(this.#limit, this.#q.length, this.#q.bytes)) return DROPPED;
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
