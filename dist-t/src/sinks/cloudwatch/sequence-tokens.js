import { dataAlreadyAccepted, invalidSequenceToken } from './api-errors.js';
/**
 * One stream's sequence tokens, pre-2023 rules (domain.md §3): the first put needs no token; every later put
 * must carry the token the previous one returned, or it is answered InvalidSequenceTokenException with the
 * expected token. The last accepted batch re-sent with the token it was accepted with is answered
 * DataAlreadyAcceptedException instead. Tokens are decimal strings like the service's, unique per stream.
 */
export class SequenceTokens {
    #prefix;
    #seq = 0;
    /** The token the next put must carry; undefined until the first put. */
    #expected;
    #lastSentWith;
    #lastBatch;
    constructor(streamNumber) {
        this.#prefix = `4963${String(streamNumber).padStart(16, '0')}`;
    }
    get expected() {
        return this.#expected;
    }
    /** The error the put must be answered with, or undefined when `token` is the expected one. */
    check(token, summary, events) {
        if (token === this.#expected)
            return undefined;
        const last = this.#lastBatch;
        if (this.#expected !== undefined &&
            last !== undefined &&
            token === this.#lastSentWith &&
            last.count === summary.count &&
            last.bytes === summary.bytes &&
            last.mix === summary.mix &&
            last.first === events[0]?.message &&
            last.last === events[summary.count - 1]?.message) {
            return dataAlreadyAccepted(this.#expected);
        }
        return invalidSequenceToken(this.#expected);
    }
    /**
     * Moves to a fresh token after an accepted put and returns it. With `remember` false the batch is not kept
     * for DataAlreadyAccepted detection, so a re-send with the old token is answered InvalidSequenceToken.
     */
    advance(sentWith, summary, events, remember) {
        this.#seq += 1;
        const next = this.#prefix + String(this.#seq).padStart(20, '0');
        if (remember) {
            this.#lastSentWith = sentWith;
            this.#lastBatch = {
                count: summary.count,
                bytes: summary.bytes,
                mix: summary.mix,
                first: events[0]?.message ?? '',
                last: events[summary.count - 1]?.message ?? '',
            };
        }
        else {
            this.#lastBatch = undefined;
        }
        this.#expected = next;
        return next;
    }
}
//# sourceMappingURL=sequence-tokens.js.map