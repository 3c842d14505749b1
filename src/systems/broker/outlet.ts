import type { FramedConnection } from './framed-connection.js';
import type { InboxPolicy, QueuedMessage } from './inbox.js';
import { emptyPairCounts, type PairCounts } from './pair-counts.js';

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
  readonly #conn: FramedConnection<QueuedMessage>;
  readonly #hooks: OutletHooks;
  #staged: QueuedMessage[] = [];
  #stagedHead = 0;
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

  constructor(id: string, conn: FramedConnection<QueuedMessage>, inbox: InboxPolicy, hooks: OutletHooks) {
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
    return this.inbox.messages + this.#staged.length - this.#stagedHead;
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

  /** Called for every copy the broker routes (n subscribers: n times per publication), so kept lean. */
  offer(message: QueuedMessage): void {
    if (this.#gone) return;
    const p = message.publisherId === this.#lastPairOf ? (this.#lastPair as PairCounts) : this.pair(message.publisherId);
    p.routed += 1;
    const verdict = this.inbox.offer(message, message.routedAt);
    if (verdict.kind === 'dropped') {
      p.dropped += 1;
      message.origin?.settle();
    } else if (verdict.kind === 'disconnect') {
      // The message that broke the limit is cut with the rest.
      p.cut += 1;
      message.origin?.settle();
      this.disconnect(verdict.reason, true);
      return;
    }
    if (this.inbox.full !== this.#wasFull) this.#noteFull();
    if (!this.#pumpScheduled) this.schedulePump();
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
  acked(messages: QueuedMessage[]): void {
    for (const m of messages) {
      this.pair(m.publisherId).acked += 1;
      m.origin?.settle();
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
   * Moves messages to the socket while it (and, in sync-ack mode, the send slots) can take them. Frames
   * adjacent in memory (msg-encoder.ts) leave as one chunk, so a batch is mostly a few slab views.
   */
  pump(): void {
    const conn = this.#conn;
    this.#noteDepth();
    while (!this.#gone && this.#credit > 0 && conn.canSendData()) {
      if (this.#stagedHead === this.#staged.length && !this.#refill()) break;
      // While credit lasts (the last frame may overshoot it) and, in sync-ack mode, one per free send slot.
      const syncAck = conn.syncAck;
      const slots = syncAck ? conn.freeSendSlots : Infinity;
      const tags: QueuedMessage[] = [];
      const chunks: Buffer[] = [];
      // The current run of frames adjacent in one slab: the slab and the run's extent in it.
      let slab: Buffer | undefined;
      let start = 0;
      let end = 0;
      let taken = 0;
      // Written copies are counted per run of one publisher's messages (mostly the whole batch).
      let runOf: string | undefined;
      let run = 0;
      const staged = this.#staged;
      while (this.#stagedHead < staged.length && this.#credit > 0 && taken < slots) {
        const m = staged[this.#stagedHead] as QueuedMessage;
        this.#stagedHead += 1;
        this.#stagedBytes -= m.size;
        this.#credit -= m.size;
        taken += 1;
        if (syncAck) tags.push(m);
        if (m.slab === slab && m.at === end) end += m.size;
        else {
          if (slab !== undefined) chunks.push(view(slab, start, end));
          slab = m.slab;
          start = m.at;
          end = start + m.size;
        }
        if (m.publisherId !== runOf) {
          if (runOf !== undefined) this.pair(runOf).written += run;
          runOf = m.publisherId;
          run = 0;
        }
        run += 1;
      }
      if (runOf !== undefined) this.pair(runOf).written += run;
      if (slab !== undefined) chunks.push(view(slab, start, end));
      conn.sendDataBatch(chunks, tags);
    }
    this.#noteFull();
  }

  #refill(): boolean {
    const conn = this.#conn;
    const before = this.inbox.bytes;
    const batch = this.inbox.take(conn.syncAck ? 1 : Math.max(1, Math.min(this.#credit, WRITE_BATCH_BYTES - conn.bufferedBytes)));
    this.#staged = batch;
    this.#stagedHead = 0;
    // What the inbox holds less is what it handed over.
    this.#stagedBytes += before - this.inbox.bytes;
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
    this.#stagedBytes = 0;
    for (const m of held) {
      this.pair(m.publisherId).cut += 1;
      m.origin?.settle();
    }
    // Written but never acknowledged: their publications must not wait for them any longer.
    for (const m of this.#conn.takeUnacked()) m.origin?.settle();
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
