import type { FaultSpec } from './fault-spec.js';
/** What a fault does, in a few words: `latency 200ms±20ms`, `sink-error 503`, `bandwidth 100KB/s upstream`. */
export declare function describeFault(spec: FaultSpec): string;
/** `200ms±20ms`, or `200ms` without jitter: for kinds' `describe`. */
export declare function withJitter(value: number, jitter: number): string;
