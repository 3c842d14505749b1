import { QUEUED, type InboxPolicy, type InboxVerdict, type QueuedMessage } from './inbox.js';
import { MessageQueue } from './message-queue.js';

/** Keeps every message however slow the subscriber (kylelemons/iq): nothing lost, memory without bound. */
export class UnboundedInbox implements InboxPolicy {
  readonly kind = 'unbounded';
  readonly full = false;
  readonly #q = new MessageQueue();

  get messages(): number {
    return this.#q.length;
  }

  get bytes(): number {
    return this.#q.bytes;
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
