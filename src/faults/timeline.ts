import { InputError } from '../core/errors.js';
import { Random, deriveSeed } from '../core/random.js';
import { formatDuration } from '../core/units.js';
import { kindOf } from './fault-kinds.js';
import type { DurationRange, FaultSpec, FaultTarget } from './fault-spec.js';

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
export const MAX_OCCURRENCES_PER_FAULT = 100_000;

/**
 * Every occurrence of every fault within [0, duration), sorted by start, then by id. Pure: the same faults,
 * seed, duration and instances give the same timeline. Each fault's random choices (gaps, lengths, instances)
 * come from its own generator, so adding or changing one fault does not move another; and the times come
 * from a stream apart from the instance choices, so a different instance count does not move them either.
 */
export function buildTimeline(faults: readonly FaultSpec[], options: TimelineOptions): FaultOccurrence[] {
  const occurrences = faults.flatMap((spec, faultIndex) => occurrencesOf(spec, faultIndex, options));
  return occurrences.sort((a, b) => a.start - b.start || compareIds(a.id, b.id));
}

function occurrencesOf(spec: FaultSpec, faultIndex: number, options: TimelineOptions): FaultOccurrence[] {
  const { duration } = options;
  const random = new Random(deriveSeed(options.seed, 'fault', faultIndex));
  const when = random.fork('when');
  const who = random.fork('who');
  const result: FaultOccurrence[] = [];
  // `every: ~mean` is a Poisson process that begins at `at`: its first occurrence comes an exponential gap
  // after `at`, like every later one, so no occurrence is certain (a certain one would bias failure counts).
  let start = spec.every?.kind === 'random' ? spec.at + Math.round(when.exponential(spec.every.mean)) : spec.at;
  while (start < duration) {
    if (result.length >= MAX_OCCURRENCES_PER_FAULT) {
      throw new InputError(
        `the fault ${spec.name} would happen more than ${MAX_OCCURRENCES_PER_FAULT} times in ${formatDuration(duration)}; repeat it less often`,
      );
    }
    const length = kindOf(spec).instantaneous === true ? 0 : spec.for === undefined ? Infinity : draw(spec.for, when);
    const end = Math.min(start + length, duration);
    result.push({
      id: `${spec.name}/${result.length + 1}`,
      faultIndex,
      name: spec.name,
      kind: spec.kind,
      start,
      end,
      instances: chooseInstances(spec.target, options.instances, who),
      spec,
    });
    if (spec.every === undefined) break;
    start =
      spec.every.kind === 'periodic'
        ? spec.at + result.length * spec.every.interval
        : start + length + Math.round(when.exponential(spec.every.mean));
  }
  return result;
}

/** A length from a range: uniform, whole ms within the bounds. */
function draw(range: DurationRange, random: Random): number {
  if (range.min === range.max) return range.min;
  return Math.min(range.max, Math.max(range.min, Math.round(random.uniform(range.min, range.max))));
}

/** The instances one occurrence hits: a uniform random subset of the chosen size, sorted. */
function chooseInstances(target: FaultTarget, instances: number, random: Random): number[] {
  const wanted = target.kind === 'count' ? target.count : Math.max(1, Math.round(target.share * instances));
  const size = Math.min(instances, wanted);
  const slots = Array.from({ length: instances }, (_, i) => i);
  if (size === instances) return slots;
  for (let i = 0; i < size; i++) {
    const j = random.int(i, instances - 1);
    [slots[i], slots[j]] = [slots[j] as number, slots[i] as number];
  }
  return slots.slice(0, size).sort((a, b) => a - b);
}

/** `latency#1/10` after `latency#1/9`: names as text, occurrence numbers as numbers. */
function compareIds(a: string, b: string): number {
  const slash = (id: string): number => id.lastIndexOf('/');
  const nameA = a.slice(0, slash(a));
  const nameB = b.slice(0, slash(b));
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  return Number(a.slice(slash(a) + 1)) - Number(b.slice(slash(b) + 1));
}

/**
 * The occurrences active at scenario time `t` (on `instance`, when given): those with start ≤ t < end, and
 * instantaneous ones that happen exactly at t. For tying a failure to the faults active when it happened.
 * `timeline` is sorted by start, as buildTimeline returns it.
 */
export function activeAt(timeline: readonly FaultOccurrence[], t: number, instance?: number): FaultOccurrence[] {
  const active: FaultOccurrence[] = [];
  for (const o of timeline) {
    if (o.start > t) break;
    const on = o.end > o.start ? t < o.end : t === o.start;
    if (on && (instance === undefined || o.instances.includes(instance))) active.push(o);
  }
  return active;
}
