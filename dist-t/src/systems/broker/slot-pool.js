/**
 * A bounded pool of slots (libchirp's MAX_SLOTS): a fixed number of messages a connection endpoint may
 * hold at once. Used twice per endpoint in sync-ack mode: for data frames sent and not yet acknowledged,
 * and for frames read and not yet handled. Slots are released in any order.
 */
export class SlotPool {
    total;
    #held = new Set();
    constructor(total) {
        if (!Number.isInteger(total) || total < 1)
            throw new RangeError(`slot pool needs at least one slot, got ${total}`);
        this.total = total;
    }
    get used() {
        return this.#held.size;
    }
    get free() {
        return this.total - this.#held.size;
    }
    /** Takes a slot; throws if none is free (callers check `free` first: a full pool is a wait, not an error). */
    acquire(tag, now) {
        if (this.#held.size >= this.total)
            throw new Error('slot pool: no free slot');
        const slot = { tag, since: now };
        this.#held.add(slot);
        return slot;
    }
    release(slot) {
        return this.#held.delete(slot);
    }
    /** Releases the oldest held slot (acknowledgements arrive in send order). */
    releaseOldest() {
        const first = this.oldest();
        if (first)
            this.#held.delete(first);
        return first;
    }
    oldest() {
        for (const s of this.#held)
            return s;
        return undefined;
    }
    clear() {
        const all = [...this.#held];
        this.#held.clear();
        return all;
    }
}
//# sourceMappingURL=slot-pool.js.map