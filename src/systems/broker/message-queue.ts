import type { QueuedMessage } from './inbox.js';

/** Slots a queue starts with; it doubles when full and never shrinks (a subscriber's queue refills all the time). */
const INITIAL_CAPACITY = 64;

/**
 * A FIFO of queued messages that keeps its message and byte counts: a ring buffer whose capacity is a
 * power of two. A subscriber's queue fills and empties thousands of times a second under load, and
 * rarely all the way: an array that is shifted from the front must either be copied down now and then or
 * regrow from nothing each time it empties; a ring does neither. Taken slots are cleared, so a taken
 * message (and the slab it points into) is not kept alive here.
 */
export class MessageQueue {
  #items: (QueuedMessage | undefined)[] = new Array<QueuedMessage | undefined>(INITIAL_CAPACITY).fill(undefined);
  #mask = INITIAL_CAPACITY - 1;
  #head = 0;
  #length = 0;
  #bytes = 0;

  get length(): number {
    return this.#length;
  }

  get bytes(): number {
    return this.#bytes;
  }

  push(m: QueuedMessage): void {
    if (this.#length === this.#items.length) this.#grow();
    this.#items[(this.#head + this.#length) & this.#mask] = m;
    this.#length += 1;
    this.#bytes += m.size;
  }

  peek(): QueuedMessage | undefined {
    return this.#length > 0 ? this.#items[this.#head] : undefined;
  }

  /** Removes messages from the front: at least one (if any), then more while under `maxBytes`. */
  shift(maxBytes: number): QueuedMessage[] {
    const items = this.#items;
    const mask = this.#mask;
    const head = this.#head;
    let n = 0;
    let taken = 0;
    while (n < this.#length) {
      const size = (items[(head + n) & mask] as QueuedMessage).size;
      if (n > 0 && taken + size > maxBytes) break;
      taken += size;
      n += 1;
    }
    const out = new Array<QueuedMessage>(n);
    for (let k = 0; k < n; k++) {
      const i = (head + k) & mask;
      out[k] = items[i] as QueuedMessage;
      items[i] = undefined;
    }
    this.#head = (head + n) & mask;
    this.#length -= n;
    this.#bytes -= taken;
    return out;
  }

  clear(): QueuedMessage[] {
    const out = this.shift(Infinity);
    this.#head = 0;
    return out;
  }

  /** Doubles the ring, its messages moved to the front in order. */
  #grow(): void {
    const old = this.#items;
    const items = new Array<QueuedMessage | undefined>(old.length * 2).fill(undefined);
    for (let k = 0; k < this.#length; k++) items[k] = old[(this.#head + k) & this.#mask];
    this.#items = items;
    this.#mask = items.length - 1;
    this.#head = 0;
  }
}
