import { ReadThrottle } from './read-throttle.js';
import { ReceiveAccount } from './receive-account.js';
/**
 * Reads messages and accounts for them per publisher: delivered, duplicates, reordering, gaps, and
 * end-to-end latency (receive time minus the publisher's scheduled time, scenario ms), handed to
 * `onLatency` as it is measured. The subscriber keeps no histogram: its worker ships the raw values
 * (messages.ts), and an HDR histogram library loaded in every broker worker costs megabytes each.
 */
export class Subscriber {
    id;
    #o;
    #accounts = new Map();
    #throttle;
    #paused = false;
    /** MSG frames read, duplicates included. */
    received = 0;
    /** Distinct messages received, over all publishers. */
    delivered = 0;
    /** Scenario time of the last first delivery; NaN before the first. */
    lastDeliveryAt = Number.NaN;
    constructor(options) {
        this.#o = options;
        this.id = options.connection.id;
        this.#throttle = options.readRate ? new ReadThrottle(options.readRate, options.clock) : undefined;
    }
    get connection() {
        return this.#o.connection;
    }
    get closed() {
        return this.#o.connection.closed;
    }
    async start() {
        const conn = this.#o.connection;
        conn.onMessage = (frame, release) => {
            const now = this.#o.clock.now();
            this.#throttle?.consume(frame.size);
            this.received += 1;
            let account = this.#accounts.get(frame.publisherId);
            if (!account)
                this.#accounts.set(frame.publisherId, (account = new ReceiveAccount()));
            if (account.receive(frame.seq)) {
                this.delivered += 1;
                this.lastDeliveryAt = now;
                this.#o.onLatency?.(now - frame.scheduledAt);
            }
            release();
        };
        await conn.connect();
        conn.onClosed(() => this.#throttle?.cancel());
        await conn.subscribe(this.#o.topics);
        if (this.#o.paused)
            this.pause();
        conn.setReadGate(() => !this.#paused && (this.#throttle?.allow(() => conn.kick()) ?? true));
    }
    /** Stops reading (the socket is paused once what has arrived is held). */
    pause() {
        this.#paused = true;
    }
    resume() {
        this.#paused = false;
        this.#o.connection.kick();
    }
    /** What arrived from one publisher. */
    counts(publisherId) {
        return this.#accounts.get(publisherId)?.counts() ?? { delivered: 0, duplicates: 0, reordered: 0, gaps: 0, highest: -1 };
    }
    publishers() {
        return [...this.#accounts.keys()];
    }
    close() {
        this.#throttle?.cancel();
        this.#o.connection.close();
    }
}
//# sourceMappingURL=subscriber.js.map