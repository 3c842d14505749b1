import { decimalDigits, writeDecimal } from '../core/ascii-decimal.js';
/** Every generator message starts with this. */
export const RECORD_PREFIX = 'duress|';
const PREFIX = RECORD_PREFIX;
const BAR = 124; // '|'
const ZERO = 48;
const PAD = 120; // 'x'
let padding = String.fromCharCode(PAD).repeat(1024);
/** A record's message: `duress|<source>|<seq>|<scheduled µs>|` padded with `x` to `size` bytes. */
export function formatRecordMessage(source, seq, scheduledAt, size) {
    const head = `${PREFIX}${source}|${seq}|${Math.round(scheduledAt * 1000)}|`;
    const n = size - head.length;
    if (n <= 0)
        return head;
    if (n > padding.length)
        padding = 'x'.repeat(n);
    return head + padding.slice(0, n);
}
/**
 * Writes generator messages byte for byte as formatRecordMessage makes them, without making strings: the
 * generator's hot path. `set` picks the record; the writer is then the MessageBytes of that record, until
 * the next `set`.
 */
export class RecordMessageWriter {
    #head;
    #padTo;
    #seq = 0;
    #micros = 0;
    #headEnd = 0;
    size = 0;
    constructor(source, size) {
        this.#head = Buffer.from(`${PREFIX}${source}|`, 'latin1');
        this.#padTo = size;
    }
    set(seq, scheduledAt) {
        this.#seq = seq;
        this.#micros = Math.round(scheduledAt * 1000);
        this.#headEnd = this.#head.length + decimalDigits(seq) + 1 + decimalDigits(this.#micros) + 1;
        this.size = Math.max(this.#headEnd, this.#padTo);
        return this;
    }
    writeTo(target, offset) {
        target.set(this.#head, offset);
        let o = writeDecimal(target, offset + this.#head.length, this.#seq);
        target[o++] = BAR;
        o = writeDecimal(target, o, this.#micros);
        target[o++] = BAR;
        if (this.size > this.#headEnd)
            target.fill(PAD, o, offset + this.size);
    }
}
/** Returns undefined for a message that was not made by duress's generator (it is counted as foreign). */
export function parseRecordMessage(message) {
    if (!message.startsWith(PREFIX))
        return undefined;
    const a = message.indexOf('|', PREFIX.length);
    if (a < 0)
        return undefined;
    const tail = parseTail(message, a + 1);
    return tail && { source: message.slice(PREFIX.length, a), seq: tail.seq, scheduledAt: tail.scheduledAt };
}
/** Sequence and scheduled time from `start`, the first character after `duress|<source>|`. */
export function parseTail(message, start) {
    let i = start;
    let seq = 0;
    let digits = 0;
    for (let c = message.charCodeAt(i); c !== BAR; c = message.charCodeAt(++i)) {
        const d = c - ZERO;
        if (d < 0 || d > 9 || digits > 15)
            return undefined;
        seq = seq * 10 + d;
        digits += 1;
    }
    if (digits === 0)
        return undefined;
    i += 1;
    let micros = 0;
    digits = 0;
    for (let c = message.charCodeAt(i); c !== BAR; c = message.charCodeAt(++i)) {
        const d = c - ZERO;
        if (d < 0 || d > 9 || digits > 17)
            return undefined;
        micros = micros * 10 + d;
        digits += 1;
    }
    if (digits === 0)
        return undefined;
    return { seq, scheduledAt: micros / 1000 };
}
//# sourceMappingURL=record-message.js.map