import { fitWithin, partOfRun, type InboxPolicy, type InboxVerdict, type QueuedRun, type SizeLimit } from './inbox.js';
import { describe } from './inbox-disconnect.js';

/**
 * The batching inbox of seeds/003: the broker appends to one pending batch that grows on demand (nothing
 * is allocated up front), and the writer takes the whole batch at once. A subscriber is judged by time,
 * not by a count: it is disconnected when the oldest message waiting for it is older than `lagMs`, or at
 * once when a message would take the batch past `limit` (the memory bound). Nothing is dropped, nobody
 * else is held back.
 */
export class ElasticInbox implements InboxPolicy {
  readonly kind = 'elastic';
  readonly full = false;
  readonly #limit: SizeLimit | undefined;
  readonly #lagMs: number;
  #batch: QueuedRun[] = [];
  #messages = 0;
  #bytes = 0;

  constructor(options: { limit?: SizeLimit; lagMs: number }) {
    if (!(options.lagMs > 0)) throw new RangeError(`elastic inbox: lagMs must be positive, got ${options.lagMs}`);
    this.#limit = options.limit;
    this.#lagMs = options.lagMs;
  }

  get messages(): number {
    return this.#messages;
  }

  get bytes(): number {
    return this.#bytes;
  }

  roomBeforeFull(): number {
    return Infinity;
  }

  /**
   * Message by message: one that would take the batch past `limit` disconnects at once (not queued);
   * otherwise it is queued and the lag of the oldest message is checked. All of a run is offered at one
   * `now`, so the lag can only fire at its first message (an older batch waiting).
   */
  offer(run: QueuedRun, now: number): InboxVerdict {
    const n = run.count;
    const breaksBound = fitWithin(this.#limit, this.#messages, this.#bytes, run.size) + 1;
    if (breaksBound === 1) return { queued: 0, disconnect: `elastic bound ${describe(this.#limit)} reached` };
    // Once the first message is queued, the oldest is the batch's first (or that message itself).
    const lag = now - (this.#batch[0] ?? run).routedAt;
    const lagging = lag > this.#lagMs;
    const queued = lagging ? 1 : Math.min(n, breaksBound - 1);
    this.#batch.push(queued === n ? run : partOfRun(run, 0, queued));
    this.#messages += queued;
    this.#bytes += queued * run.size;
    if (lagging) return { queued, disconnect: lagReason(lag, this.#lagMs) };
    return { queued, disconnect: queued < n ? `elastic bound ${describe(this.#limit)} reached` : undefined };
  }

  /** The whole batch, whatever `maxBytes` says. */
  take(): QueuedRun[] {
    const out = this.#batch;
    this.#batch = [];
    this.#messages = 0;
    this.#bytes = 0;
    return out;
  }

  check(now: number): string | undefined {
    const oldest = this.#batch[0];
    if (!oldest) return undefined;
    const lag = now - oldest.routedAt;
    return lag > this.#lagMs ? lagReason(lag, this.#lagMs) : undefined;
  }

  clear(): QueuedRun[] {
    return this.take();
  }
}

function lagReason(lag: number, lagMs: number): string {
  return `lagging ${Math.round(lag)} ms behind (limit ${lagMs} ms)`;
}
