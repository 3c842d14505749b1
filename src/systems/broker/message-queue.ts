import { partOfRun, type QueuedRun } from './inbox.js';

/** Slots a queue starts with; it doubles when full and never shrinks (a subscriber's queue refills all the time). */
const INITIAL_CAPACITY = 64;

/**
 * A FIFO of queued messages, held as runs (inbox.ts `QueuedRun`), that keeps its message and byte counts:
 * a ring buffer of runs whose capacity is a power of two. A subscriber's queue fills and empties thousands
 * of times a second under load, and rarely all the way: an array that is shifted from the front must
 * either be copied down now and then or regrow from nothing each time it empties; a ring does neither.
 * Taken slots are cleared, so a taken run (and the slab it points into) is not kept alive here.
 */
export class MessageQueue {
  #items: (QueuedRun | undefined)[] = new Array<QueuedRun | undefined>(INITIAL_CAPACITY).fill(undefined);
  #mask = INITIAL_CAPACITY - 1;
  #head = 0;
  /** Runs held. */
  #runs = 0;
  #length = 0;
  #bytes = 0;

  /** Messages held. */
  get length(): number {
    return this.#length;
  }

  get bytes(): number {
    return this.#bytes;
  }

  push(run: QueuedRun): void {
    if (this.#runs === this.#items.length) this.#grow();
    this.#items[(this.#head + this.#runs) & this.#mask] = run;
    this.#runs += 1;
    this.#length += run.count;
    this.#bytes += run.count * run.size;
  }

  /** The oldest run held. */
  peek(): QueuedRun | undefined {
    return this.#runs > 0 ? this.#items[this.#head] : undefined;
  }

  /**
   * Removes messages from the front: at least one (if any), then more while they fit in `maxBytes`. A run
   * only partly taken is split: its first part is returned, the rest stays at the front. A run that starts
   * within `maxBytes` is taken on while its messages start below `stretchTo` (when that is more).
   */
  shift(maxBytes: number, stretchTo = maxBytes): QueuedRun[] {
    const out: QueuedRun[] = [];
    const items = this.#items;
    let taken = 0;
    while (this.#runs > 0) {
      const i = this.#head;
      const run = items[i] as QueuedRun;
      let room = out.length === 0 ? Math.max(1, Math.floor(maxBytes / run.size)) : Math.floor((maxBytes - taken) / run.size);
      if (stretchTo > maxBytes && taken < maxBytes) room = Math.max(room, Math.ceil((stretchTo - taken) / run.size));
      if (room <= 0) break;
      if (room < run.count) {
        out.push(partOfRun(run, 0, room));
        items[i] = partOfRun(run, room, run.count - room);
        this.#length -= room;
        this.#bytes -= room * run.size;
        break;
      }
      out.push(run);
      items[i] = undefined;
      this.#head = (i + 1) & this.#mask;
      this.#runs -= 1;
      this.#length -= run.count;
      const bytes = run.count * run.size;
      this.#bytes -= bytes;
      taken += bytes;
    }
    return out;
  }

  clear(): QueuedRun[] {
    const out = this.shift(Infinity);
    this.#head = 0;
    return out;
  }

  /** Doubles the ring, its runs moved to the front in order. */
  #grow(): void {
    const old = this.#items;
    const items = new Array<QueuedRun | undefined>(old.length * 2).fill(undefined);
    for (let k = 0; k < this.#runs; k++) items[k] = old[(this.#head + k) & this.#mask];
    this.#items = items;
    this.#mask = items.length - 1;
    this.#head = 0;
  }
}
