import type { FaultSpec } from './fault-spec.js';
/** One occurrence of a fault: when it starts and ends, and on which instances. */
export interface FaultOccurrence {
    /** `<fault name>/<n>`, n counting the fault's occurrences from 1: `latency#1/3`. */
    id: string;
    /** Index of the fault in the scenario's `faults`. */
    faultIndex: number;
    name: string;
    kind: string;
    /** Scenario ms from the start of the cell. */
    start: number;
    /** Scenario ms, at most the cell's duration; equal to `start` for an instantaneous fault (kill). */
    end: number;
    /** Instance slots hit, sorted. */
    instances: number[];
    spec: FaultSpec;
}
export interface TimelineOptions {
    /** Seed of the schedule; each fault draws from its own stream, `deriveSeed(seed, 'fault', faultIndex)`. */
    seed: number;
    /** Length of the cell, scenario ms: occurrences start in [0, duration). */
    duration: number;
    /** Instances side by side in the cell (slots 0 … instances - 1). */
    instances: number;
}
/** More occurrences than this for one fault is a mistake in the scenario (`every: 1ms` over a day), not a test. */
export declare const MAX_OCCURRENCES_PER_FAULT = 100000;
/**
 * Every occurrence of every fault within [0, duration), sorted by start, then by id. Pure: the same faults,
 * seed, duration and instances give the same timeline. Each fault's random choices (gaps, lengths, instances)
 * come from its own generator, so adding or changing one fault does not move another; and the times come
 * from a stream apart from the instance choices, so a different instance count does not move them either.
 */
export declare function buildTimeline(faults: readonly FaultSpec[], options: TimelineOptions): FaultOccurrence[];
/**
 * The occurrences active at scenario time `t` (on `instance`, when given): those with start ≤ t < end, and
 * instantaneous ones that happen exactly at t. For tying a failure to the faults active when it happened.
 * `timeline` is sorted by start, as buildTimeline returns it.
 */
export declare function activeAt(timeline: readonly FaultOccurrence[], t: number, instance?: number): FaultOccurrence[];
