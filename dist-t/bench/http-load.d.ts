import { type BenchResult } from './bench-util.js';
export declare function benchHttpLoad(): Promise<BenchResult>;
