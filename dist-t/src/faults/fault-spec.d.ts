/**
 * Faults as a scenario declares them, after loading: every duration in scenario ms, every size in bytes.
 * What each kind adds to these common fields is its descriptor's business (src/faults/fault-kind.ts); the
 * YAML form is composed from the registered kinds in src/scenario/fault-schema.ts; when and where each
 * fault happens is decided by buildTimeline (timeline.ts) from these specs and the run's seed.
 */
/** A duration that is fixed (`min === max`) or drawn uniformly from [min, max] with the fault's seed. Scenario ms. */
export interface DurationRange {
    min: number;
    max: number;
}
/** How a fault repeats after its first start at `at`. */
export type FaultRepeat = 
/** `every: 10m`: starts at `at`, `at + interval`, `at + 2 * interval`, … */
{
    kind: 'periodic';
    interval: number;
}
/** `every: ~20m`: between one occurrence's end and the next start, an exponential gap with this mean (seeded). */
 | {
    kind: 'random';
    mean: number;
};
/** Which instances each occurrence hits; they are chosen anew for every occurrence, from the seed. */
export type FaultTarget = 
/** `share: 0.5`: this fraction of the instances, rounded, at least one. */
{
    kind: 'share';
    share: number;
}
/** `instances: 3`: exactly this many. */
 | {
    kind: 'count';
    count: number;
};
/** When a fault happens and on which instances; every fault kind carries these. (A type, not an interface, so specs built on it may be indexed.) */
export type FaultTiming = {
    /** Given in the scenario, or derived: `<kind>#<n>`, n counting faults of that kind from 1 (`latency#1`). */
    name: string;
    /** First start, scenario ms from the start of the cell. */
    at: number;
    /** How long each occurrence lasts; absent: until the end of the cell (always absent for an instantaneous kind). */
    for?: DurationRange | undefined;
    /** Repetition; absent: once. */
    every?: FaultRepeat | undefined;
    target: FaultTarget;
};
/**
 * A fault of a scenario, resolved: the timing every kind has, its `kind` (the name of a registered
 * FaultKind) and the kind's own parameters, as its scenario schema fragment outputs them.
 */
export interface FaultSpec extends FaultTiming {
    kind: string;
    [param: string]: unknown;
}
/**
 * Which of an instance's network links a fault acts on: the proxy route in front of it. A forwarder has one
 * link, `sink` (the default); a broker has one per subscribing client, `subscriber-<j>` and `peer-<k>`.
 */
export interface LinkField {
    link?: string | undefined;
}
/** Fields of the faults applied as Toxiproxy toxics on one link of each instance (by default its link to the sink). */
export interface ToxicFields extends LinkField {
    /** `downstream` (sink → system, the default) or `upstream` (system → sink). */
    stream: 'upstream' | 'downstream';
    /** Probability (0..1) that a connection direction is affected, rolled as Toxiproxy rolls it. */
    toxicity: number;
}
/** Fields of the faults of the loopback DNS server. */
export interface DnsFields {
    /** Share of matching queries hit (0..1), rolled per query. */
    toxicity: number;
}
