import type { FaultOccurrence } from './timeline.js';
/**
 * An occurrence in words: `latency 200ms±20ms on instances 0,3 from 10s to 40s`, `kill on instance 2 at 5m`.
 * Given the cell's instance count, an occurrence on every instance reads `on all instances`.
 */
export declare function describeOccurrence(occurrence: FaultOccurrence, options?: {
    instances?: number;
}): string;
