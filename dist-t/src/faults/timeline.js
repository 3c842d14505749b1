import { InputError } from '../core/errors.js';
import { Random, deriveSeed } from '../core/random.js';
import { formatDuration } from '../core/units.js';
import { kindOf } from './fault-kinds.js';
/** More occurrences than this for one fault is a mistake in the scenario (`every: 1ms` over a day), not a test. */
export const MAX_OCCURRENCES_PER_FAULT = 100_000;
/**
 * Every occurrence of every fault within [0, duration), sorted by start, then by id. Pure: the same faults,
 * seed, duration and instances give the same timeline. Each fault's random choices (gaps, lengths, instances)
 * come from its own generator, so adding or changing one fault does not move another; and the times come
 * from a stream apart from the instance choices, so a different instance count does not move them either.
 */
export function buildTimeline(faults, options) {
    const occurrences = faults.flatMap((spec, faultIndex) => occurrencesOf(spec, faultIndex, options));
    return occurrences.sort((a, b) => a.start - b.start || compareIds(a.id, b.id));
}
function occurrencesOf(spec, faultIndex, options) {
    const { duration } = options;
    const random = new Random(deriveSeed(options.seed, 'fault', faultIndex));
    const when = random.fork('when');
    const who = random.fork('who');
    const result = [];
    // `every: ~mean` is a Poisson process that begins at `at`: its first occurrence comes an exponential gap
    // after `at`, like every later one, so no occurrence is certain (a certain one would bias failure counts).
    let start = spec.every?.kind === 'random' ? spec.at + Math.round(when.exponential(spec.every.mean)) : spec.at;
    while (start < duration) {
        if (result.length >= MAX_OCCURRENCES_PER_FAULT) {
            throw new InputError(`the fault ${spec.name} would happen more than ${MAX_OCCURRENCES_PER_FAULT} times in ${formatDuration(duration)}; repeat it less often`);
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
        if (spec.every === undefined)
            break;
        start =
            spec.every.kind === 'periodic'
                ? spec.at + result.length * spec.every.interval
                : start + length + Math.round(when.exponential(spec.every.mean));
    }
    return result;
}
/** A length from a range: uniform, whole ms within the bounds. */
function draw(range, random) {
    if (range.min === range.max)
        return range.min;
    return Math.min(range.max, Math.max(range.min, Math.round(random.uniform(range.min, range.max))));
}
/** The instances one occurrence hits: a uniform random subset of the chosen size, sorted. */
function chooseInstances(target, instances, random) {
    const wanted = target.kind === 'count' ? target.count : Math.max(1, Math.round(target.share * instances));
    const size = Math.min(instances, wanted);
    const slots = Array.from({ length: instances }, (_, i) => i);
    if (size === instances)
        return slots;
    for (let i = 0; i < size; i++) {
        const j = random.int(i, instances - 1);
        [slots[i], slots[j]] = [slots[j], slots[i]];
    }
    return slots.slice(0, size).sort((a, b) => a - b);
}
/** `latency#1/10` after `latency#1/9`: names as text, occurrence numbers as numbers. */
function compareIds(a, b) {
    const slash = (id) => id.lastIndexOf('/');
    const nameA = a.slice(0, slash(a));
    const nameB = b.slice(0, slash(b));
    if (nameA !== nameB)
        return nameA < nameB ? -1 : 1;
    return Number(a.slice(slash(a) + 1)) - Number(b.slice(slash(b) + 1));
}
/**
 * The occurrences active at scenario time `t` (on `instance`, when given): those with start ≤ t < end, and
 * instantaneous ones that happen exactly at t. For tying a failure to the faults active when it happened.
 * `timeline` is sorted by start, as buildTimeline returns it.
 */
export function activeAt(timeline, t, instance) {
    const active = [];
    for (const o of timeline) {
        if (o.start > t)
            break;
        const on = o.end > o.start ? t < o.end : t === o.start;
        if (on && (instance === undefined || o.instances.includes(instance)))
            active.push(o);
    }
    return active;
}
//# sourceMappingURL=timeline.js.map