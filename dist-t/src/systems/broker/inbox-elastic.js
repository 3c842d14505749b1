import { overLimit, QUEUED } from './inbox.js';
import { describe } from './inbox-disconnect.js';
/**
 * The batching inbox of seeds/003: the broker appends to one pending batch that grows on demand (nothing
 * is allocated up front), and the writer takes the whole batch at once. A subscriber is judged by time,
 * not by a count: it is disconnected when the oldest message waiting for it is older than `lagMs`, or at
 * once when a message would take the batch past `limit` (the memory bound). Nothing is dropped, nobody
 * else is held back.
 */
export class ElasticInbox {
    kind = 'elastic';
    full = false;
    #limit;
    #lagMs;
    #batch = [];
    #bytes = 0;
    constructor(options) {
        if (!(options.lagMs > 0))
            throw new RangeError(`elastic inbox: lagMs must be positive, got ${options.lagMs}`);
        this.#limit = options.limit;
        this.#lagMs = options.lagMs;
    }
    get messages() {
        return this.#batch.length;
    }
    get bytes() {
        return this.#bytes;
    }
    offer(message, now) {
        if (overLimit(this.#limit, this.#batch.length + 1, this.#bytes + message.size)) {
            return { kind: 'disconnect', reason: `elastic bound ${describe(this.#limit)} reached` };
        }
        this.#batch.push(message);
        this.#bytes += message.size;
        const reason = this.check(now);
        return reason === undefined ? QUEUED : { kind: 'disconnect', reason };
    }
    /** The whole batch, whatever `maxBytes` says. */
    take() {
        const out = this.#batch;
        this.#batch = [];
        this.#bytes = 0;
        return out;
    }
    check(now) {
        const oldest = this.#batch[0];
        if (!oldest)
            return undefined;
        const lag = now - oldest.routedAt;
        return lag > this.#lagMs ? `lagging ${Math.round(lag)} ms behind (limit ${this.#lagMs} ms)` : undefined;
    }
    clear() {
        return this.take();
    }
}
//# sourceMappingURL=inbox-elastic.js.map