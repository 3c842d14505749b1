import { encodePub } from './protocol.js';
/**
 * Publishes at a fixed rate of scenario time. Message k is *scheduled* at start + k / rate and carries
 * that time, so latency measured from it includes any time the publisher was held back (backpressure,
 * no free send slot): no coordinated omission. Messages the connection cannot take now stay owed and are
 * tried again on the next tick, or as soon as the connection becomes writable.
 */
export class Publisher {
    id;
    #o;
    #perMs;
    #payload;
    #startAt = 0;
    #sent = 0;
    #due = 0;
    #timer;
    #running = false;
    /** Ticks on which messages were owed and the connection could not take them. */
    stalledTicks = 0;
    /** Scenario time since when the publisher has been unable to send what it owes; NaN when not stalled. */
    stalledSince = Number.NaN;
    constructor(options) {
        if (!(options.rate > 0))
            throw new RangeError(`publisher rate must be positive, got ${options.rate}`);
        this.#o = options;
        this.id = options.connection.id;
        this.#perMs = options.rate / 1000;
        const payload = Buffer.allocUnsafe(options.payloadSize);
        for (let i = 0; i < payload.length; i++)
            payload[i] = 0x20 + (options.random.nextUint32() % 95);
        this.#payload = payload;
    }
    /** Messages written to the connection. */
    get sent() {
        return this.#sent;
    }
    /** Messages due by now and not yet sent. */
    get backlog() {
        return Math.max(0, this.#due - this.#sent);
    }
    /** The connection is gone: nothing more will be sent or acknowledged. */
    get closed() {
        return this.#o.connection.closed;
    }
    get running() {
        return this.#running;
    }
    async start() {
        const conn = this.#o.connection;
        await conn.connect();
        conn.onWritable(() => this.#fill());
        conn.pendingSend = () => this.backlog;
        conn.onClosed(() => this.stopInput());
        this.#startAt = this.#o.clock.now();
        this.#running = true;
        this.#tick();
    }
    /** Stops producing; what was owed and not sent is abandoned (never scheduled as far as anyone knows). */
    stopInput() {
        if (this.#timer)
            clearTimeout(this.#timer);
        this.#timer = undefined;
        this.#running = false;
        this.#due = this.#sent;
    }
    #tick() {
        // Message k is due at start + k / rate: by now, messages 0 … floor(elapsed * rate) are.
        const due = Math.floor((this.#o.clock.now() - this.#startAt) * this.#perMs) + 1;
        if (due > this.#due)
            this.#due = due;
        this.#fill();
        if (!this.#running)
            return;
        // Wake when the next message is due, but at most every tickMs: a slow publisher costs no idle wake-ups.
        const nextDueAt = this.#startAt + this.#due / this.#perMs;
        const wait = Math.max(this.#o.tickMs ?? 2, Math.ceil(this.#o.clock.toWall(nextDueAt - this.#o.clock.now())));
        this.#timer = setTimeout(() => this.#tick(), wait);
    }
    #fill() {
        if (!this.#running)
            return;
        const conn = this.#o.connection;
        // Bounded per call so that a long stall cannot block the event loop when it ends.
        const limit = Math.min(this.#due, this.#sent + 20_000);
        while (this.#sent < limit && conn.canPublish()) {
            const seq = this.#sent;
            conn.publish(encodePub(this.#o.topic, seq, this.#startAt + seq / this.#perMs, this.#payload));
            this.#sent += 1;
        }
        if (this.#sent < this.#due) {
            this.stalledTicks += 1;
            if (Number.isNaN(this.stalledSince))
                this.stalledSince = this.#o.clock.now();
        }
        else
            this.stalledSince = Number.NaN;
    }
}
//# sourceMappingURL=publisher.js.map