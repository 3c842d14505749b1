import type { Clock } from '../../core/clock.js';
import type { Random } from '../../core/random.js';
import type { SchedulerConfig } from './config.js';
import type { Chunk } from './chunk.js';
import type { FlushOutcome } from './cloudwatch-output.js';
/** What the scheduler needs from the forwarder: a way to flush, and to hear how each chunk ended. */
export interface SchedulerHooks {
    flush(chunk: Chunk): Promise<FlushOutcome>;
    /** The chunk is finished: delivered (`ok`), or given up (`dropped`: retries exhausted or a permanent error). */
    done(chunk: Chunk, result: 'ok' | 'dropped'): void;
    /** A flush failed and the chunk will be tried again after `waitMs` (scenario ms). */
    retrying(chunk: Chunk, waitMs: number): void;
    /** Optional: get the next chunk ready (serialize it) while the current flush is in flight. */
    prepare?(chunk: Chunk): void;
}
/**
 * Decides when chunks are flushed (domain.md §1):
 *  - `async`: every chunk ready at a flush tick is flushed at once, concurrently (Fluent Bit's coroutines);
 *    a retry is flushed when its timer fires.
 *  - `sync-minimal` (FLB_OUTPUT_SYNCHRONOUS): one chunk in flight at a time; the next pending one starts as
 *    soon as the last ends, whatever its outcome; retries re-enter the same queue.
 *  - `sync-legacy` (FLB_OUTPUT_NO_MULTIPLEX): at a flush tick, one chunk is started only if none is in
 *    flight and none is waiting to retry; so at most one chunk per flush interval.
 */
export declare class Scheduler {
    #private;
    constructor(config: SchedulerConfig, hooks: SchedulerHooks, clock: Clock, random: Random);
    /** Chunks that have not finished: pending, in flight or waiting to retry. */
    get busy(): boolean;
    get inFlight(): number;
    get pending(): number;
    /** A flush tick, with the chunks that became ready since the last one. */
    tick(ready: Chunk[]): void;
    stop(): void;
}
