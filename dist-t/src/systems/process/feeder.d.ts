import type { Clock } from '../../core/clock.js';
import type { ProgramInput } from './program-input.js';
import type { RecordEncoding } from './record-encoding.js';
/**
 * Feeds a program its records at the scenario's rate, in the open model: record k is due at start +
 * k / rate whatever the program does, and carries that due time, so latency counted from it includes any
 * time the program's input held it back. Records due and not yet taken are owed: nothing is kept for them
 * but the count (a record is rebuilt from its seq and due time), so a program that blocks for an hour costs
 * no memory, and they are handed over in order as soon as the input takes them again. Back-pressure is
 * measured (`blockedMs`, `refusals`, `owed`) and never hidden: records still owed when the instance stops
 * are reported as not taken.
 */
export declare class Feeder {
    #private;
    /** Wall ms during which records were owed and the input did not take them. */
    blockedMs: number;
    /** The program took at least one batch. */
    opened: boolean;
    constructor(clock: Clock, input: ProgramInput, encoding: RecordEncoding, rate: number, batch: number);
    /** Starts the schedule now. */
    start(): void;
    /** Records taken by the program. */
    get taken(): number;
    /** Records due so far (all of them once the load ended). */
    due(): number;
    get owed(): number;
    get ended(): boolean;
    /** The load is over: nothing more falls due; what is owed is still handed over. */
    endInput(): void;
    /** Stops handing records over; resolves once the batch in flight (an HTTP POST) was answered, 2 s at most. */
    stop(): Promise<void>;
}
