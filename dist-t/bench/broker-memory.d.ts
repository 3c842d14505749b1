import { type BenchResult } from './bench-util.js';
/**
 * Resident memory of one broker instance as the engine runs it: a worker thread (the broker kind's worker
 * module, the engine's IsolatedInstance, the heap cap it gives without a memory limit) with one broker, 1 publisher at 500
 * messages/s of 200 B and 3 subscribers, whose routes are answered with the broker's own port (no proxy:
 * the proxy is the fault layer's memory, not the instance's). Measured as the difference of the process's
 * resident memory (mean of 6 samples over 3 s, after WALL_SECONDS) between MANY and FEW instances, divided
 * by MANY - FEW, so that what every process holds anyway cancels; beside it, the workers' own figure (V8
 * heap in use plus external memory, garbage not yet collected included).
 */
export declare function benchBrokerMemory(): Promise<BenchResult>;
