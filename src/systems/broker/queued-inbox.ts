import type { InboxKind, InboxPolicy, InboxVerdict, QueuedRun } from './inbox.js';
import { MessageQueue } from './message-queue.js';

/**
 * What the inboxes that keep one FIFO queue per subscriber share (block, drop-newest, unbounded,
 * disconnect): their counts, oldest-first takes up to a byte budget, no limit in time unless a policy
 * adds one. A policy says what `offer` does at its limit.
 */
export abstract class QueuedInbox implements InboxPolicy {
  abstract readonly kind: InboxKind;
  protected readonly queue = new MessageQueue();

  abstract offer(run: QueuedRun, now: number): InboxVerdict;

  get messages(): number {
    return this.queue.length;
  }

  get bytes(): number {
    return this.queue.bytes;
  }

  /** Only a policy that holds publishers back (`block`) is ever full. */
  get full(): boolean {
    return false;
  }

  roomBeforeFull(_size: number): number {
    return Infinity;
  }

  take(maxBytes: number, stretchTo = maxBytes): QueuedRun[] {
    return this.queue.shift(maxBytes, stretchTo);
  }

  check(_now: number): string | undefined {
    return undefined;
  }

  clear(): QueuedRun[] {
    return this.queue.clear();
  }
}
