import { overLimit, QUEUED } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';
/**
 * Redis's client-output-buffer-limit (and NATS's max_pending): the subscriber is disconnected at once when
 * a message would take its inbox past the hard limit, or when the inbox has stayed over the soft limit
 * continuously for `softForMs`. Until then nothing is dropped and nobody else is held back.
 */
export class DisconnectInbox extends QueuedInbox {
    kind = 'disconnect';
    #hard;
    #soft;
    #softForMs;
    #overSoftSince;
    constructor(options) {
        super();
        if (!options.hard && !options.soft)
            throw new RangeError('disconnect inbox: give a hard limit, a soft limit, or both');
        this.#hard = options.hard;
        this.#soft = options.soft;
        this.#softForMs = options.softForMs ?? 0;
    }
    offer(message, now) {
        if (overLimit(this.#hard, this.queue.length + 1, this.queue.bytes + message.size)) {
            return { kind: 'disconnect', reason: `hard limit ${describe(this.#hard)} exceeded` };
        }
        this.queue.push(message);
        if (this.#overSoftSince === undefined && overLimit(this.#soft, this.queue.length, this.queue.bytes))
            this.#overSoftSince = now;
        const reason = this.check(now);
        return reason === undefined ? QUEUED : { kind: 'disconnect', reason };
    }
    take(maxBytes) {
        const out = super.take(maxBytes);
        if (!overLimit(this.#soft, this.queue.length, this.queue.bytes))
            this.#overSoftSince = undefined;
        return out;
    }
    check(now) {
        if (this.#overSoftSince === undefined)
            return undefined;
        if (!overLimit(this.#soft, this.queue.length, this.queue.bytes)) {
            this.#overSoftSince = undefined;
            return undefined;
        }
        const over = now - this.#overSoftSince;
        return over >= this.#softForMs ? `soft limit ${describe(this.#soft)} exceeded for ${Math.round(over)} ms` : undefined;
    }
    clear() {
        this.#overSoftSince = undefined;
        return super.clear();
    }
}
export function describe(limit) {
    if (!limit)
        return 'none';
    const parts = [];
    if (limit.messages !== undefined)
        parts.push(`${limit.messages} messages`);
    if (limit.bytes !== undefined)
        parts.push(`${limit.bytes} bytes`);
    return parts.join(' / ');
}
//# sourceMappingURL=inbox-disconnect.js.map