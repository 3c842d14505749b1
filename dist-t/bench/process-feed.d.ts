import { type BenchResult } from './bench-util.js';
/**
 * The feeding rate of a process target: duress (a worker thread per instance, records with their ids made
 * at the scenario's rate) into a program that discards its input, against a bare Node writer of the same
 * 200-byte lines into the same program, in the same run, one after the other. Target: at least 0.8 of the
 * bare writer. CPU time is the whole bench process's (duress's threads included), as a cost per million records.
 */
export declare function benchProcessFeed(): Promise<BenchResult>;
