import { QUEUED, type InboxVerdict, type QueuedMessage, type SizeLimit } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';

/**
 * Naive fan-out with backpressure: every message is queued, and while the inbox is at its limit the
 * broker stops reading from all publishers. One slow subscriber holds everyone back; nothing is lost.
 */
export class BlockInbox extends QueuedInbox {
  readonly kind = 'block';
  /** The limit's two measures, a missing one as Infinity: `full` is read after every offer and take. */
  readonly #maxMessages: number;
  readonly #maxBytes: number;

  constructor(limit: SizeLimit = { messages: 1024 }) {
    super();
    this.#maxMessages = limit.messages ?? Infinity;
    this.#maxBytes = limit.bytes ?? Infinity;
  }

  /** At the limit on either measure (inbox.ts `atLimit`). */
  override get full(): boolean {
    return this.queue.length >= this.#maxMessages || this.queue.bytes >= this.#maxBytes;
  }

  offer(message: QueuedMessage): InboxVerdict {
    this.queue.push(message);
    return QUEUED;
  }
}
