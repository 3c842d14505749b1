import type { QueuedMessage } from './inbox.js';

/** Slots at the front left unused (taken messages) at which a queue that never empties moves its messages down. */
const COMPACT_AT = 1024;

/**
 * A FIFO of queued messages that keeps its message and byte counts and never copies on dequeue. Its array
 * is kept and reused: a subscriber's queue fills and empties thousands of times a second under load, and
 * an array made anew each time it empties regrows (and copies itself) a dozen times on the way back up.
 * Taken slots are cleared, so a taken message (and the slab it points into) is not kept alive here.
 */
export class MessageQueue {
  readonly #items: (QueuedMessage | undefined)[] = [];
  #head = 0;
  #tail = 0;
  #bytes = 0;

  get length(): number {
    return this.#tail - this.#head;
  }

  get bytes(): number {
    return this.#bytes;
  }

  push(m: QueuedMessage): void {
    this.#items[this.#tail] = m;
    this.#tail += 1;
    this.#bytes += m.size;
  }

  peek(): QueuedMessage | undefined {
    return this.#head < this.#tail ? this.#items[this.#head] : undefined;
  }

  /** Removes messages from the front: at least one (if any), then more while under `maxBytes`. */
  shift(maxBytes: number): QueuedMessage[] {
    const items = this.#items;
    const from = this.#head;
    const tail = this.#tail;
    let to = from;
    let taken = 0;
    while (to < tail) {
      const size = (items[to] as QueuedMessage).size;
      if (to > from && taken + size > maxBytes) break;
      taken += size;
      to += 1;
    }
    const out = items.slice(from, to) as QueuedMessage[];
    items.fill(undefined, from, to);
    this.#head = to;
    this.#bytes -= taken;
    this.#compact();
    return out;
  }

  clear(): QueuedMessage[] {
    const out = this.#items.slice(this.#head, this.#tail) as QueuedMessage[];
    this.#items.fill(undefined, this.#head, this.#tail);
    this.#head = 0;
    this.#tail = 0;
    this.#bytes = 0;
    return out;
  }

  #compact(): void {
    if (this.#head === this.#tail) {
      this.#head = 0;
      this.#tail = 0;
    } else if (this.#head > COMPACT_AT && this.#head * 2 > this.#tail) {
      const n = this.#tail - this.#head;
      this.#items.copyWithin(0, this.#head, this.#tail);
      this.#items.fill(undefined, n, this.#tail);
      this.#head = 0;
      this.#tail = n;
    }
  }
}
