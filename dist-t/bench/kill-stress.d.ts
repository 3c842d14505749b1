import { type BenchResult } from './bench-util.js';
/**
 * Issue 11's full count: KILLS instances killed in the middle of DNS lookups, requests and pauses, in
 * shared workers (2 workers of 16 instances, every 500th kill terminating a whole worker mid-lookup), in
 * a child process so that an abort shows as its exit. Target: no abort, every check of the CI test
 * (kill-mid-lookup.test.ts) holds, and the whole run within 60 s of wall time. Wall time on a shared
 * machine is noisy: the CPU time (all threads of the child) is printed beside it.
 */
export declare function benchKillStress(): Promise<BenchResult>;
