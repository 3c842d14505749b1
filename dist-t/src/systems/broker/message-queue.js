/** A FIFO of queued messages that keeps its message and byte counts and never copies on dequeue. */
export class MessageQueue {
    #items = [];
    #head = 0;
    #bytes = 0;
    get length() {
        return this.#items.length - this.#head;
    }
    get bytes() {
        return this.#bytes;
    }
    push(m) {
        this.#items.push(m);
        this.#bytes += m.size;
    }
    peek() {
        return this.#items[this.#head];
    }
    /** Removes messages from the front: at least one (if any), then more while under `maxBytes`. */
    shift(maxBytes) {
        const items = this.#items;
        const from = this.#head;
        let to = from;
        let taken = 0;
        while (to < items.length) {
            const size = items[to].size;
            if (to > from && taken + size > maxBytes)
                break;
            taken += size;
            to += 1;
        }
        const out = items.slice(from, to);
        this.#head = to;
        this.#bytes -= taken;
        this.#compact();
        return out;
    }
    clear() {
        const out = this.#items.slice(this.#head);
        this.#items = [];
        this.#head = 0;
        this.#bytes = 0;
        return out;
    }
    #compact() {
        if (this.#head === this.#items.length) {
            this.#items = [];
            this.#head = 0;
        }
        else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
            this.#items = this.#items.slice(this.#head);
            this.#head = 0;
        }
    }
}
//# sourceMappingURL=message-queue.js.map