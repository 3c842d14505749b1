import { type BenchResult } from './bench-util.js';
/**
 * How much soak a wall hour buys: a forwarder cell of 16 instances at 50 records/s each, clock speed 60,
 * for WALL_SECONDS of wall time; scenario instance-hours per wall-hour (target >= 500), and duress's own
 * resident memory (main thread and instance workers together) in the last quarter of the run against
 * the first quarter (target: no more than 10% above it). Only growth fails the target: the question is
 * whether a long soak leaks. Resident memory also falls during a run, in steps of 100 MB or more, when
 * freed memory goes back to the system; a fall is not a leak. The drift is printed either way.
 */
export declare function benchSoakRate(): Promise<BenchResult>;
