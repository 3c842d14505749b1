import { hostname } from 'node:os';
import { formatRecordMessage, RecordMessageWriter } from '../../delivery/record-message.js';
/** The syslog host name field: the machine's name, as a local program would send it (no spaces: RFC 5424 forbids them). */
const HOST = hostname().replace(/\s/g, '') || '-';
/**
 * Encodes runs of consecutive records (seq `from`, `count` of them, each scheduled at `scheduledAt(seq)`)
 * into the bytes a program's input takes, in one buffer: one record per line (`lines`), an RFC 5424
 * syslog line whose message is the record (`syslog`), a JSON object per line with the record as
 * `message` (`ndjson`), or a JSON array of those (`json`). The record's message is duress's record format
 * (src/delivery/record-message.ts), unchanged, so the sink's accounting finds it by its id.
 */
export class RecordEncoding {
    #source;
    #size;
    #format;
    #writer;
    constructor(source, recordSize, format) {
        this.#source = source;
        this.#size = recordSize;
        this.#format = format;
        this.#writer = new RecordMessageWriter(source, recordSize);
    }
    encode(from, count, scheduledAt) {
        if (this.#format === 'lines')
            return this.#lines(from, count, scheduledAt);
        const parts = [];
        for (let seq = from; seq < from + count; seq++) {
            const at = scheduledAt(seq);
            const message = formatRecordMessage(this.#source, seq, at, this.#size);
            switch (this.#format) {
                case 'syslog':
                    parts.push(`<14>1 ${new Date(at).toISOString()} ${HOST} duress - - - ${message}\n`);
                    break;
                case 'ndjson':
                    parts.push(`{"message":"${message}","time":${Math.floor(at)}}\n`);
                    break;
                case 'json':
                    parts.push(`${parts.length === 0 ? '[' : ','}{"message":"${message}","time":${Math.floor(at)}}`);
                    break;
            }
        }
        if (this.#format === 'json')
            parts.push(']');
        return Buffer.from(parts.join(''), 'latin1');
    }
    /** The hot path (the feeding-rate bench): messages written straight into one buffer, no string per record. */
    #lines(from, count, scheduledAt) {
        const w = this.#writer;
        // Each record is at least `size` bytes, more only when its id is longer than that; sized on the last (the longest).
        const most = Math.max(this.#size, w.set(from + count - 1, scheduledAt(from + count - 1)).size) + 1;
        const out = Buffer.allocUnsafe(most * count);
        let o = 0;
        for (let seq = from; seq < from + count; seq++) {
            w.set(seq, scheduledAt(seq));
            w.writeTo(out, o);
            o += w.size;
            out[o++] = 10;
        }
        return out.subarray(0, o);
    }
}
//# sourceMappingURL=record-encoding.js.map