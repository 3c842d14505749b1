import { type BenchResult } from './bench-util.js';
type Variant = 'direct' | 'bare' | 'duress' | 'toxiproxy';
interface Figures {
    roundTripsPerSec: number;
    bulkMBps: number;
    medianLatencyMs: number;
}
export declare function benchProxyThroughput(): Promise<BenchResult & {
    figures: Partial<Record<Variant, Figures>>;
}>;
export {};
