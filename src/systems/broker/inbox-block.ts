import { queuedAll, type InboxVerdict, type QueuedRun, type SizeLimit } from './inbox.js';
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

  /** Message i (from 1) is offered with i - 1 more in the inbox, which must not be full then. */
  override roomBeforeFull(size: number): number {
    const byCount = this.#maxMessages - this.queue.length;
    const byBytes = this.#maxBytes === Infinity ? Infinity : Math.ceil((this.#maxBytes - this.queue.bytes) / size);
    return Math.max(0, Math.min(byCount, byBytes));
  }

  /** Queues the whole run: the broker routes no more than `roomBeforeFull` allows before it stops reading. */
  offer(run: QueuedRun): InboxVerdict {
    this.queue.push(run);
    return queuedAll(run);
  }
}
