import { emptyPairCounts } from './pair-counts.js';
const WRITE_BATCH_BYTES = 64 * 1024;
/**
 * The broker's side of one subscriber: its inbox (policy), the messages taken from the inbox and waiting
 * for a send slot (sync-ack mode), and the writer that moves them to the socket as fast as the socket and
 * the slots allow. Keeps the per-publisher account of what happened to each routed message.
 */
export class Outlet {
    id;
    inbox;
    pairs = new Map();
    #conn;
    #hooks;
    #staged = [];
    #stagedHead = 0;
    #stagedBytes = 0;
    #pumpScheduled = false;
    #gone = false;
    #wasFull = false;
    /** Bytes of MSG frames the subscriber can still take (credit flow control). */
    #credit = 0;
    /** The pair of the publisher last offered or written: consecutive messages mostly share one. */
    #lastPairOf;
    #lastPair;
    deepestMessages = 0;
    deepestBytes = 0;
    constructor(id, conn, inbox, hooks) {
        this.id = id;
        this.inbox = inbox;
        this.#conn = conn;
        this.#hooks = hooks;
    }
    get gone() {
        return this.#gone;
    }
    /** Messages held for this subscriber: queued in the inbox or waiting for a send slot. */
    get queuedMessages() {
        return this.inbox.messages + this.#staged.length - this.#stagedHead;
    }
    /** Bytes held: inbox, waiting for a slot, and in the socket's userland buffer. */
    get queuedBytes() {
        return this.inbox.bytes + this.#stagedBytes + (this.#gone ? 0 : this.#conn.bufferedBytes);
    }
    pair(publisherId) {
        if (publisherId === this.#lastPairOf)
            return this.#lastPair;
        let p = this.pairs.get(publisherId);
        if (!p) {
            p = emptyPairCounts();
            this.pairs.set(publisherId, p);
        }
        this.#lastPairOf = publisherId;
        this.#lastPair = p;
        return p;
    }
    offer(message) {
        if (this.#gone)
            return;
        const p = this.pair(message.publisherId);
        p.routed += 1;
        const verdict = this.inbox.offer(message, message.routedAt);
        if (verdict.kind === 'dropped') {
            p.dropped += 1;
            message.origin?.settle();
        }
        else if (verdict.kind === 'disconnect') {
            // The message that broke the limit is cut with the rest.
            p.cut += 1;
            message.origin?.settle();
            this.disconnect(verdict.reason, true);
            return;
        }
        this.#noteDepth();
        this.#noteFull();
        this.schedulePump();
    }
    /** Time-based limits of the policy. */
    check(now) {
        if (this.#gone)
            return;
        const reason = this.inbox.check(now);
        if (reason !== undefined)
            this.disconnect(reason, true);
    }
    /** The subscriber can take `bytes` more. */
    grant(bytes) {
        this.#credit += bytes;
        this.pump();
    }
    /** The subscriber acknowledged these messages (sync-ack mode). */
    acked(messages) {
        for (const m of messages) {
            this.pair(m.publisherId).acked += 1;
            m.origin?.settle();
        }
    }
    schedulePump() {
        if (this.#pumpScheduled || this.#gone)
            return;
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
    pump() {
        const conn = this.#conn;
        while (!this.#gone && this.#credit > 0 && conn.canSendData()) {
            if (this.#stagedHead === this.#staged.length && !this.#refill())
                break;
            // While credit lasts (the last frame may overshoot it) and, in sync-ack mode, one per free send slot.
            const syncAck = conn.syncAck;
            const slots = syncAck ? conn.freeSendSlots : Infinity;
            const tags = [];
            const chunks = [];
            // The current run of frames adjacent in one slab: the slab and the run's extent in it.
            let slab;
            let start = 0;
            let end = 0;
            let taken = 0;
            while (this.#stagedHead < this.#staged.length && this.#credit > 0 && taken < slots) {
                const m = this.#staged[this.#stagedHead];
                this.#stagedHead += 1;
                this.#stagedBytes -= m.size;
                this.#credit -= m.size;
                taken += 1;
                if (syncAck)
                    tags.push(m);
                if (m.slab === slab && m.at === end)
                    end += m.size;
                else {
                    if (slab !== undefined)
                        chunks.push(view(slab, start, end));
                    slab = m.slab;
                    start = m.at;
                    end = start + m.size;
                }
                this.pair(m.publisherId).written += 1;
            }
            if (slab !== undefined)
                chunks.push(view(slab, start, end));
            conn.sendDataBatch(chunks, tags);
        }
        this.#noteFull();
    }
    #refill() {
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
    disconnect(reason, byPolicy) {
        if (this.#gone)
            return;
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
        for (const m of this.#conn.takeUnacked())
            m.origin?.settle();
        if (byPolicy)
            this.#conn.fail(`slow consumer: ${reason}`);
        else
            this.#conn.destroy(reason);
        this.#noteFull();
        this.#hooks.gone(this, reason, byPolicy);
    }
    #noteDepth() {
        const m = this.queuedMessages;
        const b = this.inbox.bytes + this.#stagedBytes;
        if (m > this.deepestMessages)
            this.deepestMessages = m;
        if (b > this.deepestBytes)
            this.deepestBytes = b;
    }
    #noteFull() {
        const full = !this.#gone && this.inbox.full;
        if (full !== this.#wasFull) {
            this.#wasFull = full;
            this.#hooks.fullChanged(this);
        }
    }
    get full() {
        return this.#wasFull;
    }
}
/** Bytes [start, end) of a slab, without making a view when they are the whole of it. */
function view(slab, start, end) {
    return start === 0 && end === slab.length ? slab : slab.subarray(start, end);
}
//# sourceMappingURL=outlet.js.map