import { Chunk, HEADROOM } from './chunk.js';
const INITIAL_CHUNK_BYTES = 16 * 1024;
const MIN_CHUNK_BYTES = 4 * 1024;
const MAX_SPARES = 2;
/**
 * The forwarder's memory buffer (Fluent Bit's Mem_Buf_Limit): records go into an open chunk; a chunk is
 * closed when it reaches `chunkSize` or at a flush tick, and then waits for the scheduler. Every byte of
 * every record counts until the chunk is released (delivered or dropped), so in-flight and retrying
 * chunks keep their memory, as in Fluent Bit.
 */
export class MemoryBuffer {
    #memLimit;
    #chunkSize;
    #open;
    #nextId = 1;
    /** Room for the next chunk: the last closed one's size and a little more, since rates are steady more often than not. */
    #expectedBytes = INITIAL_CHUNK_BYTES;
    /** Buffers of released chunks, for the next chunks. */
    #spares = [];
    #used = 0;
    #closed = [];
    /** Every chunk not yet released, open one excluded. */
    #held = new Set();
    constructor(memLimit, chunkSize) {
        this.#memLimit = memLimit;
        this.#chunkSize = chunkSize;
        this.#open = new Chunk(0, this.#expectedBytes);
    }
    get used() {
        return this.#used;
    }
    /** True while the buffer is at or over its limit: input must pause or drop. */
    get full() {
        return this.#used >= this.#memLimit;
    }
    /** See Chunk.append: the generator's records come as MessageBytes, written without a string per record. */
    append(seq, timestamp, message) {
        const c = this.#open;
        this.#used += c.append(seq, timestamp, message);
        if (c.bytes >= this.#chunkSize)
            this.#closeOpen();
    }
    /** Closes the open chunk (if it has records) and hands over every chunk ready to flush. */
    takeReady() {
        if (this.#open.length > 0)
            this.#closeOpen();
        return this.#closed.splice(0);
    }
    /**
     * The chunk is finished: its memory is free. A delivered chunk's buffer serves a later chunk: the sink
     * answered, so it had read every byte. A dropped one is left to the garbage collector, since a request
     * that failed may still have bytes of it queued on a socket.
     */
    release(chunk, result) {
        if (!this.#held.delete(chunk))
            return;
        this.#used -= chunk.bytes;
        if (result === 'delivered' && this.#spares.length < MAX_SPARES)
            this.#spares.push(chunk.recycle());
    }
    /** Nothing held at all: no open records, no chunk waiting, in flight or retrying. */
    get empty() {
        return this.#open.length === 0 && this.#held.size === 0;
    }
    /** Sequence numbers of every record still held. */
    *heldSeqs() {
        for (const c of this.#held)
            yield* c.seqs;
        yield* this.#open.seqs;
    }
    /** A spare buffer of about the right size, if there is one; one far too big for the rate now is let go. */
    #spare(expectedBytes) {
        const spare = this.#spares.pop();
        return spare && spare.length <= 4 * (expectedBytes + HEADROOM) ? spare : undefined;
    }
    #closeOpen() {
        const c = this.#open;
        c.seal();
        this.#expectedBytes = Math.max(MIN_CHUNK_BYTES, Math.ceil(c.encodedBytes * 1.125));
        this.#open = new Chunk(this.#nextId++, this.#expectedBytes, this.#spare(this.#expectedBytes));
        this.#closed.push(c);
        this.#held.add(c);
    }
}
//# sourceMappingURL=buffer.js.map