import { type BenchResult } from './bench-util.js';
export declare function benchBrokerFanout(): Promise<BenchResult>;
