import { fitBelow, partOfRun, type InboxVerdict, type QueuedRun, type SizeLimit } from './inbox.js';
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

  /** The messages that find the inbox below its limit are queued; once one does not, none after it does. */
  offer(run: QueuedRun): InboxVerdict {
    const fit = Math.min(run.count, fitBelow(this.#limit, this.queue.length, this.queue.bytes, run.size));
    if (fit > 0) this.queue.push(fit === run.count ? run : partOfRun(run, 0, fit));
    return { queued: fit, disconnect: undefined };
  }
}
