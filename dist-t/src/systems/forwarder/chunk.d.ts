import type { MessageBytes } from '../../delivery/record-message.js';
/**
 * Room kept before a chunk's first event (and before a copied batch) for a request's head: group, stream
 * and sequence token. A head that does not fit (names near their 512-character limit) is joined by a copy.
 */
export declare const HEADROOM = 1024;
/** One batch of a chunk as a PutLogEvents body without its head: `body.subarray(headroom)` is `[...events...]}`. */
export interface PreparedBatch {
    from: number;
    to: number;
    body: Buffer;
    headroom: number;
}
/**
 * Records held by the forwarder, in generation order; the unit the scheduler flushes and retries.
 *
 * Records are kept the way the output sends them: each one a CloudWatch Logs event in JSON, back to back
 * in one Buffer outside the JavaScript heap, with room in front for a request's head. So a chunk that fits
 * one PutLogEvents batch (the usual case) is sent without copying its events, and a forwarder whose 64 MB
 * buffer is full does not hand the garbage collector 300,000 strings to walk. (Fluent Bit likewise keeps
 * chunks serialized, as msgpack.) Sequence numbers, times and sizes stay in arrays of numbers.
 */
export declare class Chunk {
    #private;
    readonly id: number;
    readonly seqs: number[];
    readonly timestamps: number[];
    /** Message bytes held (UTF-8, framing excluded): what the buffer's memory limit counts. */
    bytes: number;
    /** Flush attempts that ended in a retry so far. */
    retries: number;
    /** The output's batches, made once when the chunk is first flushed (or prepared) and kept for retries. */
    prepared?: PreparedBatch[];
    /**
     * `expectedBytes`: encoded bytes the chunk is expected to reach; its buffer grows past them if needed.
     * `reuse`: a buffer a released chunk gave up (see `recycle`), used when it is big enough.
     */
    constructor(id: number, expectedBytes?: number, reuse?: Buffer);
    /**
     * The chunk is finished (delivered or dropped) and its bytes will not be read again: hands its buffer
     * over for the next chunk. Reusing buffers keeps a busy forwarder from leaving a trail of dead Buffers
     * outside the heap, which the garbage collector only frees long after they die.
     */
    recycle(): Buffer;
    get length(): number;
    /**
     * Adds one record; returns the bytes its message takes. A string is escaped as JSON needs; MessageBytes
     * (the generator's records) are written as they are, and with no string made on the way.
     */
    append(seq: number, timestamp: number, message: string | MessageBytes): number;
    /** Byte size of message i. */
    messageSize(i: number): number;
    /**
     * Records [from, to) as a body without its head. The whole chunk is a view of the chunk's own buffer
     * (no copy); a part of it is copied out, since its `]}` would overwrite the next event.
     */
    batch(from: number, to: number): PreparedBatch;
    /**
     * No more records are coming. A chunk closed far short of its capacity (at a flush tick, after the
     * rate fell) moves to a buffer of its size, so held memory stays close to what the records take.
     */
    seal(): void;
    /** Bytes of the events, framing included: what a chunk like this one will need. */
    get encodedBytes(): number;
    /** Bytes the chunk's buffer takes (records, framing and any room left). */
    get capacity(): number;
}
