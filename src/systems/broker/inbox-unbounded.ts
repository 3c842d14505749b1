import { queuedAll, type InboxVerdict, type QueuedRun } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';

/** Keeps every message however slow the subscriber (kylelemons/iq): nothing lost, memory without bound. */
export class UnboundedInbox extends QueuedInbox {
  readonly kind = 'unbounded';

  offer(run: QueuedRun): InboxVerdict {
    this.queue.push(run);
    return queuedAll(run);
  }
}
