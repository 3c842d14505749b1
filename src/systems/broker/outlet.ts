import type { FramedConnection } from './framed-connection.js';
import { partOfRun, type InboxPolicy, type QueuedRun } from './inbox.js';
import { emptyPairCounts, type PairCounts } from './pair-counts.js';

/**
 * A batch moved from the inbox to the socket tops its buffer up to this; the run in which it falls is
 * taken on as far as the subscriber's credit goes (a run is at most a slab, msg-encoder.ts). What one read
 * of a publisher brought (64 KiB of PUB frames, a little more as MSG frames) then mostly leaves in one
 * write, not in a full one and a short one.
 */
const WRITE_BATCH_BYTES = 64 * 1024;

/** What an outlet tells its broker. */
export interface OutletHooks {
  /** The inbox's `full` flag may have changed (block policy backpressure). */
  fullChanged(outlet: Outlet): void;
  /** The outlet is gone (disconnected by policy, or the subscriber went away). */
  gone(outlet: Outlet, reason: string, byPolicy: boolean): void;
}

/**
 * The broker's side of one subscriber: its inbox (policy), the messages taken from the inbox and waiting
 * for a send slot (sync-ack mode), and the writer that moves them to the socket as fast as the socket and
 * the slots allow. Keeps the per-publisher account of what happened to each routed message.
 */
export class Outlet {
  readonly id: string;
  readonly inbox: InboxPolicy;
  readonly pairs = new Map<string, PairCounts>();
  readonly #conn: FramedConnection<QueuedRun>;
  readonly #hooks: OutletHooks;
  /** Runs taken from the inbox and not yet written (waiting for credit, the socket or a send slot). */
  #staged: QueuedRun[] = [];
  #stagedHead = 0;
  #stagedMessages = 0;
  #stagedBytes = 0;
  #pumpScheduled = false;
  #gone = false;
  #wasFull = false;
  /** Bytes of MSG frames the subscriber can still take (credit flow control). */
  #credit = 0;
  /** The pair of the publisher last offered or written: consecutive messages mostly share one. */
  #lastPairOf: string | undefined;
  #lastPair: PairCounts | undefined;
  /**
   * The largest queue seen. Noted where it peaks rather than after every offer: between two pumps the
   * queue only grows (offers), and only a pump (or a disconnect) takes from it, so its largest size is the
   * one at the start of a pump, at a disconnect, or now.
   */
  #deepestMessages = 0;
  #deepestBytes = 0;

  constructor(id: string, conn: FramedConnection<QueuedRun>, inbox: InboxPolicy, hooks: OutletHooks) {
    this.id = id;
    this.inbox = inbox;
    this.#conn = conn;
    this.#hooks = hooks;
  }

  /** Largest number of messages held at once (inbox and waiting for a slot) since the subscriber came. */
  get deepestMessages(): number {
    this.#noteDepth();
    return this.#deepestMessages;
  }

  /** Largest number of bytes held at once (inbox and waiting for a slot; not the socket's buffer). */
  get deepestBytes(): number {
    this.#noteDepth();
    return this.#deepestBytes;
  }

  get gone(): boolean {
    return this.#gone;
  }

  /** Messages held for this subscriber: queued in the inbox or waiting for a send slot. */
  get queuedMessages(): number {
    return this.inbox.messages + this.#stagedMessages;
  }

  /** Bytes held: inbox, waiting for a slot, and in the socket's userland buffer. */
  get queuedBytes(): number {
    return this.inbox.bytes + this.#stagedBytes + (this.#gone ? 0 : this.#conn.bufferedBytes);
  }

  pair(publisherId: string): PairCounts {
    if (publisherId === this.#lastPairOf) return this.#lastPair as PairCounts;
    let p = this.pairs.get(publisherId);
    if (!p) {
      p = emptyPairCounts();
      this.pairs.set(publisherId, p);
    }
    this.#lastPairOf = publisherId;
    this.#lastPair = p;
    return p;
  }

  /**
   * Called for every run the broker routes to this subscriber (inbox.ts `QueuedRun`: mostly what one read
   * of a publisher brought), so kept lean. Counts every message of it, as its policy decided them.
   */
  offer(run: QueuedRun): void {
    if (this.#gone) return;
    const p = run.publisherId === this.#lastPairOf ? (this.#lastPair as PairCounts) : this.pair(run.publisherId);
    const verdict = this.inbox.offer(run, run.routedAt);
    const queued = verdict.queued;
    if (verdict.disconnect === undefined) {
      p.routed += run.count;
      const dropped = run.count - queued;
      if (dropped > 0) {
        p.dropped += dropped;
        settle(run, dropped);
      }
      if (this.inbox.full !== this.#wasFull) this.#noteFull();
      if (!this.#pumpScheduled) this.schedulePump();
      return;
    }
    // Routed: what was queued (cut below with the rest), and the message that broke the limit, if one did,
    // which is cut too. The messages after it never reach a subscriber that is gone.
    p.routed += queued;
    if (queued < run.count) {
      p.routed += 1;
      p.cut += 1;
      settle(run, 1);
    }
    this.disconnect(verdict.disconnect, true);
  }

  /** Time-based limits of the policy. */
  check(now: number): void {
    if (this.#gone) return;
    const reason = this.inbox.check(now);
    if (reason !== undefined) this.disconnect(reason, true);
  }

  /** The subscriber can take `bytes` more. */
  grant(bytes: number): void {
    this.#credit += bytes;
    this.pump();
  }

  /** The subscriber acknowledged these messages (sync-ack mode). */
  acked(runs: QueuedRun[]): void {
    for (const m of runs) {
      this.pair(m.publisherId).acked += m.count;
      settle(m, m.count);
    }
  }

  schedulePump(): void {
    if (this.#pumpScheduled || this.#gone) return;
    this.#pumpScheduled = true;
    queueMicrotask(() => {
      this.#pumpScheduled = false;
      this.pump();
    });
  }

  /**
   * Moves messages to the socket while it (and, in sync-ack mode, the send slots) can take them. Runs
   * adjacent in memory (msg-encoder.ts) leave as one chunk, so a batch is mostly a few slab views.
   */
  pump(): void {
    const conn = this.#conn;
    this.#noteDepth();
    while (!this.#gone && this.#credit > 0 && conn.canSendData()) {
      if (this.#stagedHead === this.#staged.length && !this.#refill()) break;
      // While credit lasts (the last frame may overshoot it) and, in sync-ack mode, one message per free
      // send slot (a sync-ack run holds one message).
      const syncAck = conn.syncAck;
      const slots = syncAck ? conn.freeSendSlots : Infinity;
      const tags: QueuedRun[] = [];
      const chunks: Buffer[] = [];
      // The current stretch of frames adjacent in one slab: the slab and the stretch's extent in it.
      let slab: Buffer | undefined;
      let start = 0;
      let end = 0;
      let taken = 0;
      const staged = this.#staged;
      while (this.#stagedHead < staged.length && this.#credit > 0 && taken < slots) {
        let run = staged[this.#stagedHead] as QueuedRun;
        const fits = Math.ceil(this.#credit / run.size);
        if (fits < run.count) {
          staged[this.#stagedHead] = partOfRun(run, fits, run.count - fits);
          run = partOfRun(run, 0, fits);
        } else this.#stagedHead += 1;
        const bytes = run.count * run.size;
        this.#stagedMessages -= run.count;
        this.#stagedBytes -= bytes;
        this.#credit -= bytes;
        taken += run.count;
        if (syncAck) tags.push(run);
        if (run.slab === slab && run.at === end) end += bytes;
        else {
          if (slab !== undefined) chunks.push(view(slab, start, end));
          slab = run.slab;
          start = run.at;
          end = start + bytes;
        }
        (run.publisherId === this.#lastPairOf ? (this.#lastPair as PairCounts) : this.pair(run.publisherId)).written += run.count;
      }
      if (slab !== undefined) chunks.push(view(slab, start, end));
      conn.sendDataBatch(chunks, tags);
    }
    this.#noteFull();
  }

  #refill(): boolean {
    const conn = this.#conn;
    const messages = this.inbox.messages;
    const bytes = this.inbox.bytes;
    const batch = conn.syncAck ? this.inbox.take(1) : this.inbox.take(Math.max(1, Math.min(this.#credit, WRITE_BATCH_BYTES - conn.bufferedBytes)), this.#credit);
    this.#staged = batch;
    this.#stagedHead = 0;
    // What the inbox holds less is what it handed over.
    this.#stagedMessages += messages - this.inbox.messages;
    this.#stagedBytes += bytes - this.inbox.bytes;
    return batch.length > 0;
  }

  /** Cuts the subscriber off: everything still held for it is counted as cut. */
  disconnect(reason: string, byPolicy: boolean): void {
    if (this.#gone) return;
    this.#noteDepth();
    this.#gone = true;
    const held = [...this.#staged.slice(this.#stagedHead), ...this.inbox.clear()];
    this.#staged = [];
    this.#stagedHead = 0;
    this.#stagedMessages = 0;
    this.#stagedBytes = 0;
    for (const m of held) {
      this.pair(m.publisherId).cut += m.count;
      settle(m, m.count);
    }
    // Written but never acknowledged: their publications must not wait for them any longer.
    for (const m of this.#conn.takeUnacked()) settle(m, m.count);
    if (byPolicy) this.#conn.fail(`slow consumer: ${reason}`);
    else this.#conn.destroy(reason);
    this.#noteFull();
    this.#hooks.gone(this, reason, byPolicy);
  }

  #noteDepth(): void {
    if (this.#gone) return;
    const m = this.queuedMessages;
    const b = this.inbox.bytes + this.#stagedBytes;
    if (m > this.#deepestMessages) this.#deepestMessages = m;
    if (b > this.#deepestBytes) this.#deepestBytes = b;
  }

  #noteFull(): void {
    const full = !this.#gone && this.inbox.full;
    if (full !== this.#wasFull) {
      this.#wasFull = full;
      this.#hooks.fullChanged(this);
    }
  }

  get full(): boolean {
    return this.#wasFull;
  }
}

/** Bytes [start, end) of a slab, without making a view when they are the whole of it. */
function view(slab: Buffer, start: number, end: number): Buffer {
  return start === 0 && end === slab.length ? slab : slab.subarray(start, end);
}

/** `copies` copies of a run's messages are settled (sync-ack mode: its run holds one message). */
function settle(run: QueuedRun, copies: number): void {
  const origin = run.origin;
  if (origin) for (let k = 0; k < copies; k++) origin.settle();
}
