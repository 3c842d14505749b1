import { fitWithin, overLimit, partOfRun, type InboxVerdict, type QueuedRun, type SizeLimit } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';

/**
 * Redis's client-output-buffer-limit (and NATS's max_pending): the subscriber is disconnected at once when
 * a message would take its inbox past the hard limit, or when the inbox has stayed over the soft limit
 * continuously for `softForMs`. Until then nothing is dropped and nobody else is held back.
 */
export class DisconnectInbox extends QueuedInbox {
  readonly kind = 'disconnect';
  readonly #hard: SizeLimit | undefined;
  readonly #soft: SizeLimit | undefined;
  readonly #softForMs: number;
  #overSoftSince: number | undefined;

  constructor(options: { hard?: SizeLimit; soft?: SizeLimit; softForMs?: number }) {
    super();
    if (!options.hard && !options.soft) throw new RangeError('disconnect inbox: give a hard limit, a soft limit, or both');
    this.#hard = options.hard;
    this.#soft = options.soft;
    this.#softForMs = options.softForMs ?? 0;
  }

  /**
   * Message by message: one that would take the inbox past the hard limit disconnects at once (it is not
   * queued); otherwise it is queued, the soft clock starts when the inbox goes over the soft limit, and the
   * subscriber is disconnected as soon as it has been over for `softForMs`. All of a run is offered at one
   * `now`, so the soft limit can only fire at the run's first message (a clock already running) or at the
   * message that takes the inbox over it (`softForMs` 0).
   */
  offer(run: QueuedRun, now: number): InboxVerdict {
    const n = run.count;
    const length = this.queue.length;
    const bytes = this.queue.bytes;
    // The message (from 1) that would break the hard limit, and the first one after which the inbox is over the soft limit.
    const breaksHard = fitWithin(this.#hard, length, bytes, run.size) + 1;
    const overSoftAt = fitWithin(this.#soft, length, bytes, run.size) + 1;
    // A soft clock already running goes on only if the inbox is over the soft limit from the first message on.
    const since = this.#overSoftSince !== undefined && overSoftAt === 1 ? this.#overSoftSince : now;
    const firesAt = overSoftAt <= n && now - since >= this.#softForMs ? overSoftAt : Infinity;
    let queued = n;
    let reason: string | undefined;
    if (breaksHard <= n && breaksHard <= firesAt) {
      queued = breaksHard - 1;
      reason = `hard limit ${describe(this.#hard)} exceeded`;
    } else if (firesAt <= n) {
      queued = firesAt;
      reason = `soft limit ${describe(this.#soft)} exceeded for ${Math.round(now - since)} ms`;
    }
    if (queued > 0) {
      this.queue.push(queued === n ? run : partOfRun(run, 0, queued));
      this.#overSoftSince = queued >= overSoftAt ? since : undefined;
    }
    return { queued, disconnect: reason };
  }

  override take(maxBytes: number, stretchTo = maxBytes): QueuedRun[] {
    const out = super.take(maxBytes, stretchTo);
    if (!overLimit(this.#soft, this.queue.length, this.queue.bytes)) this.#overSoftSince = undefined;
    return out;
  }

  override check(now: number): string | undefined {
    if (this.#overSoftSince === undefined) return undefined;
    if (!overLimit(this.#soft, this.queue.length, this.queue.bytes)) {
      this.#overSoftSince = undefined;
      return undefined;
    }
    const over = now - this.#overSoftSince;
    return over >= this.#softForMs ? `soft limit ${describe(this.#soft)} exceeded for ${Math.round(over)} ms` : undefined;
  }

  override clear(): QueuedRun[] {
    this.#overSoftSince = undefined;
    return super.clear();
  }
}

export function describe(limit: SizeLimit | undefined): string {
  if (!limit) return 'none';
  const parts: string[] = [];
  if (limit.messages !== undefined) parts.push(`${limit.messages} messages`);
  if (limit.bytes !== undefined) parts.push(`${limit.bytes} bytes`);
  return parts.join(' / ');
}
