import type { OutputRecord } from './contract.js';
/**
 * The records of one module instance, between the generator (which pushes them at the scenario's rate)
 * and the module (which pulls them in batches through `records`, an async iterable). Unbounded: a module
 * that stops reading lets its records wait here, held by the instance, as an input with no backpressure.
 */
export declare class RecordFeed implements AsyncIterable<readonly OutputRecord[]> {
    #private;
    /** Records generated so far (the next record's seq). */
    generated: number;
    constructor(source: string, recordSize: number);
    /** The generator's record `seq`, scheduled at `scheduledAt` (scenario epoch ms). */
    push(seq: number, scheduledAt: number): void;
    /** The input stopped: the iteration ends once what waits was taken. */
    end(): void;
    get waiting(): number;
    [Symbol.asyncIterator](): AsyncIterator<readonly OutputRecord[]>;
}
