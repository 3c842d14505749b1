import { decimalDigits, writeDecimal } from '../../core/ascii-decimal.js';
/**
 * Room kept before a chunk's first event (and before a copied batch) for a request's head: group, stream
 * and sequence token. A head that does not fit (names near their 512-character limit) is joined by a copy.
 */
export const HEADROOM = 1024;
/** Each event is written with a leading comma, which the first one's `[` replaces. */
const EVENT_OPEN = Buffer.from(',{"timestamp":');
const EVENT_MESSAGE = Buffer.from(',"message":"');
const EMPTY = Buffer.alloc(0);
/** The `]}` that closes a body goes after the last event. */
const CLOSE_BYTES = 2;
/**
 * Records held by the forwarder, in generation order; the unit the scheduler flushes and retries.
 *
 * Records are kept the way the output sends them: each one a CloudWatch Logs event in JSON, back to back
 * in one Buffer outside the JavaScript heap, with room in front for a request's head. So a chunk that fits
 * one PutLogEvents batch (the usual case) is sent without copying its events, and a forwarder whose 64 MB
 * buffer is full does not hand the garbage collector 300,000 strings to walk. (Fluent Bit likewise keeps
 * chunks serialized, as msgpack.) Sequence numbers, times and sizes stay in arrays of numbers.
 */
export class Chunk {
    id;
    seqs = [];
    timestamps = [];
    /** Message bytes held (UTF-8, framing excluded): what the buffer's memory limit counts. */
    bytes = 0;
    /** Flush attempts that ended in a retry so far. */
    retries = 0;
    /** The output's batches, made once when the chunk is first flushed (or prepared) and kept for retries. */
    prepared;
    #data;
    /** Where the next event goes. */
    #end = HEADROOM;
    /** Offset of each event's leading comma. */
    #starts = [];
    /** Byte size of each message (what the API's 26-byte-per-event rule adds to). */
    #sizes = [];
    /**
     * `expectedBytes`: encoded bytes the chunk is expected to reach; its buffer grows past them if needed.
     * `reuse`: a buffer a released chunk gave up (see `recycle`), used when it is big enough.
     */
    constructor(id, expectedBytes = 16 * 1024, reuse) {
        this.id = id;
        const size = HEADROOM + expectedBytes + CLOSE_BYTES;
        this.#data = reuse && reuse.length >= size ? reuse : Buffer.allocUnsafe(size);
    }
    /**
     * The chunk is finished (delivered or dropped) and its bytes will not be read again: hands its buffer
     * over for the next chunk. Reusing buffers keeps a busy forwarder from leaving a trail of dead Buffers
     * outside the heap, which the garbage collector only frees long after they die.
     */
    recycle() {
        const data = this.#data;
        this.#data = EMPTY;
        this.#end = HEADROOM;
        this.prepared = undefined;
        return data;
    }
    get length() {
        return this.seqs.length;
    }
    /**
     * Adds one record; returns the bytes its message takes. A string is escaped as JSON needs; MessageBytes
     * (the generator's records) are written as they are, and with no string made on the way.
     */
    append(seq, timestamp, message) {
        const ms = Math.floor(timestamp);
        let size;
        if (typeof message === 'string') {
            size = Buffer.byteLength(message);
            const event = `,{"timestamp":${ms},"message":${JSON.stringify(message)}}`;
            const eventBytes = Buffer.byteLength(event);
            this.#reserve(eventBytes + CLOSE_BYTES);
            this.#starts.push(this.#end);
            this.#end += this.#data.write(event, this.#end, eventBytes, 'utf8');
        }
        else {
            size = message.size;
            this.#reserve(EVENT_OPEN.length + decimalDigits(ms) + EVENT_MESSAGE.length + size + 2 + CLOSE_BYTES);
            const data = this.#data;
            this.#starts.push(this.#end);
            data.set(EVENT_OPEN, this.#end);
            let o = writeDecimal(data, this.#end + EVENT_OPEN.length, ms);
            data.set(EVENT_MESSAGE, o);
            o += EVENT_MESSAGE.length;
            message.writeTo(data, o);
            o += size;
            data[o++] = 0x22; // "
            data[o++] = 0x7d; // }
            this.#end = o;
        }
        this.#sizes.push(size);
        this.seqs.push(seq);
        this.timestamps.push(timestamp);
        this.bytes += size;
        return size;
    }
    /** Byte size of message i. */
    messageSize(i) {
        return this.#sizes[i];
    }
    /**
     * Records [from, to) as a body without its head. The whole chunk is a view of the chunk's own buffer
     * (no copy); a part of it is copied out, since its `]}` would overwrite the next event.
     */
    batch(from, to) {
        const start = this.#starts[from];
        const end = to < this.length ? this.#starts[to] : this.#end;
        if (from === 0 && to === this.length) {
            this.#data[start] = 0x5b; // [
            this.#data[end] = 0x5d; // ]
            this.#data[end + 1] = 0x7d; // }
            return { from, to, body: this.#data.subarray(0, end + 2), headroom: start };
        }
        const body = Buffer.allocUnsafe(HEADROOM + end - start + 2);
        this.#data.copy(body, HEADROOM, start, end);
        body[HEADROOM] = 0x5b;
        body[body.length - 2] = 0x5d;
        body[body.length - 1] = 0x7d;
        return { from, to, body, headroom: HEADROOM };
    }
    /**
     * No more records are coming. A chunk closed far short of its capacity (at a flush tick, after the
     * rate fell) moves to a buffer of its size, so held memory stays close to what the records take.
     */
    seal() {
        const used = this.#end + CLOSE_BYTES;
        if (used * 4 > this.#data.length)
            return;
        const fitted = Buffer.allocUnsafe(used);
        this.#data.copy(fitted, 0, 0, this.#end);
        this.#data = fitted;
    }
    /** Bytes of the events, framing included: what a chunk like this one will need. */
    get encodedBytes() {
        return this.#end - HEADROOM;
    }
    /** Bytes the chunk's buffer takes (records, framing and any room left). */
    get capacity() {
        return this.#data.length;
    }
    #reserve(size) {
        const needed = this.#end + size;
        if (needed <= this.#data.length)
            return;
        let capacity = this.#data.length * 2;
        while (capacity < needed)
            capacity *= 2;
        const grown = Buffer.allocUnsafe(capacity);
        this.#data.copy(grown, 0, 0, this.#end);
        this.#data = grown;
    }
}
//# sourceMappingURL=chunk.js.map