import type { QueuedMessage } from './inbox.js';

/** A FIFO of queued messages that keeps its message and byte counts and never copies on dequeue. */
export class MessageQueue {
  #items: QueuedMessage[] = [];
  #head = 0;
  #bytes = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  get bytes(): number {
    return this.#bytes;
  }

  push(m: QueuedMessage): void {
    this.#items.push(m);
    this.#bytes += m.frame.length;
  }

  peek(): QueuedMessage | undefined {
    return this.#items[this.#head];
  }

  /** Removes messages from the front: at least one (if any), then more while under `maxBytes`. */
  shift(maxBytes: number): QueuedMessage[] {
    const out: QueuedMessage[] = [];
    let taken = 0;
    while (this.#head < this.#items.length) {
      const m = this.#items[this.#head] as QueuedMessage;
      if (out.length > 0 && taken + m.frame.length > maxBytes) break;
      out.push(m);
      taken += m.frame.length;
      this.#head += 1;
    }
    this.#bytes -= taken;
    this.#compact();
    return out;
  }

  clear(): QueuedMessage[] {
    const out = this.#items.slice(this.#head);
    this.#items = [];
    this.#head = 0;
    this.#bytes = 0;
    return out;
  }

  #compact(): void {
    if (this.#head === this.#items.length) {
      this.#items = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}
