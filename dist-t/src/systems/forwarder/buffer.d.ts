import type { MessageBytes } from '../../delivery/record-message.js';
import { Chunk } from './chunk.js';
/**
 * The forwarder's memory buffer (Fluent Bit's Mem_Buf_Limit): records go into an open chunk; a chunk is
 * closed when it reaches `chunkSize` or at a flush tick, and then waits for the scheduler. Every byte of
 * every record counts until the chunk is released (delivered or dropped), so in-flight and retrying
 * chunks keep their memory, as in Fluent Bit.
 */
export declare class MemoryBuffer {
    #private;
    constructor(memLimit: number, chunkSize: number);
    get used(): number;
    /** True while the buffer is at or over its limit: input must pause or drop. */
    get full(): boolean;
    /** See Chunk.append: the generator's records come as MessageBytes, written without a string per record. */
    append(seq: number, timestamp: number, message: string | MessageBytes): void;
    /** Closes the open chunk (if it has records) and hands over every chunk ready to flush. */
    takeReady(): Chunk[];
    /**
     * The chunk is finished: its memory is free. A delivered chunk's buffer serves a later chunk: the sink
     * answered, so it had read every byte. A dropped one is left to the garbage collector, since a request
     * that failed may still have bytes of it queued on a socket.
     */
    release(chunk: Chunk, result: 'delivered' | 'dropped'): void;
    /** Nothing held at all: no open records, no chunk waiting, in flight or retrying. */
    get empty(): boolean;
    /** Sequence numbers of every record still held. */
    heldSeqs(): Iterable<number>;
}
