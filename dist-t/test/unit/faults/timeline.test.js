import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../../src/core/errors.js';
import '../../../src/scenario/fault-kinds.js';
import { describeOccurrence } from '../../../src/faults/timeline-describe.js';
import { activeAt, buildTimeline } from '../../../src/faults/timeline.js';
import { parseScenario } from '../../../src/scenario/load.js';
const S = 1000;
const M = 60 * S;
const H = 60 * M;
function down(fields = {}) {
    return { kind: 'down', name: 'down#1', at: 0, target: { kind: 'share', share: 1 }, ...fields };
}
function kill(fields = {}) {
    return { kind: 'kill', name: 'kill#1', at: 0, target: { kind: 'share', share: 1 }, ...fields };
}
function latency(fields = {}) {
    return {
        kind: 'latency',
        name: 'latency#1',
        at: 0,
        target: { kind: 'share', share: 1 },
        latency: 200,
        jitter: 20,
        stream: 'downstream',
        toxicity: 1,
        ...fields,
    };
}
const fixed = (ms) => ({ min: ms, max: ms });
const starts = (timeline) => timeline.map((o) => o.start);
/** A mix of every random choice: ranges, random gaps, shares and counts. */
const MIXED = [
    latency({ for: { min: 10 * S, max: 30 * S }, every: { kind: 'random', mean: 5 * M }, target: { kind: 'share', share: 0.3 } }),
    down({ name: 'down#1', at: 10 * M, for: fixed(M), every: { kind: 'periodic', interval: 20 * M }, target: { kind: 'count', count: 2 } }),
    kill({ every: { kind: 'random', mean: 30 * M }, target: { kind: 'count', count: 1 } }),
];
test('a seeded timeline is the same on every run with the same seed, and different with another', () => {
    const options = { duration: 4 * H, instances: 10 };
    const a = buildTimeline(MIXED, { ...options, seed: 42 });
    const b = buildTimeline(MIXED, { ...options, seed: 42 });
    assert.ok(a.length > 20);
    assert.deepEqual(a, b);
    const c = buildTimeline(MIXED, { ...options, seed: 43 });
    assert.notDeepEqual(c.map((o) => [o.id, o.start, o.end, o.instances]), a.map((o) => [o.id, o.start, o.end, o.instances]));
});
test('adding a fault or changing the instance count does not move the others', () => {
    const options = { seed: 7, duration: 4 * H, instances: 10 };
    const before = buildTimeline(MIXED, options);
    const after = buildTimeline([...MIXED, kill({ name: 'kill#2', every: { kind: 'random', mean: M } })], options);
    assert.deepEqual(after.filter((o) => o.name !== 'kill#2'), before);
    const fewer = buildTimeline(MIXED, { ...options, instances: 3 });
    assert.deepEqual(fewer.map((o) => [o.id, o.start, o.end]), before.map((o) => [o.id, o.start, o.end]));
});
test('periodic `every` starts exactly at at + k * every, with ids counting occurrences', () => {
    const timeline = buildTimeline([down({ at: 5 * M, for: fixed(M), every: { kind: 'periodic', interval: 10 * M } })], { seed: 1, duration: H, instances: 1 });
    assert.deepEqual(starts(timeline), [5, 15, 25, 35, 45, 55].map((m) => m * M));
    assert.deepEqual(timeline.map((o) => o.end - o.start), Array(6).fill(M));
    assert.deepEqual(timeline.map((o) => o.id), ['down#1/1', 'down#1/2', 'down#1/3', 'down#1/4', 'down#1/5', 'down#1/6']);
    assert.ok(timeline.every((o) => o.faultIndex === 0 && o.name === 'down#1' && o.kind === 'down' && o.spec.kind === 'down'));
});
test('random `~` gaps are exponential: mean within tolerance, spread as an exponential', () => {
    const mean = M;
    const timeline = buildTimeline([kill({ every: { kind: 'random', mean } })], { seed: 3, duration: 10_000 * M, instances: 1 });
    const gaps = timeline.slice(1).map((o, i) => o.start - timeline[i].start);
    assert.ok(gaps.length > 9000, `${gaps.length} occurrences`);
    const average = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    assert.ok(Math.abs(average / mean - 1) < 0.05, `mean gap ${average}`);
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - average) ** 2, 0) / gaps.length);
    assert.ok(Math.abs(sd / average - 1) < 0.1, `coefficient of variation ${sd / average}`);
    const underMean = gaps.filter((g) => g < mean).length / gaps.length;
    assert.ok(Math.abs(underMean - (1 - Math.exp(-1))) < 0.03, `share of gaps under the mean ${underMean}`);
});
test('random gaps run from the end of one occurrence to the start of the next, so occurrences never overlap', () => {
    const timeline = buildTimeline([down({ for: fixed(30 * S), every: { kind: 'random', mean: M } })], { seed: 5, duration: 1000 * M, instances: 1 });
    const gaps = timeline.slice(1).map((o, i) => o.start - timeline[i].end);
    assert.ok(gaps.every((g) => g >= 0));
    const average = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    assert.ok(Math.abs(average / M - 1) < 0.12, `mean gap ${average}`);
});
test('share: 0.5 of 10 instances touches 5 each time, a different 5 from the seed; instances: N exactly N', () => {
    const every = { kind: 'periodic', interval: M };
    const half = buildTimeline([kill({ every, target: { kind: 'share', share: 0.5 } })], { seed: 9, duration: 100 * M, instances: 10 });
    assert.equal(half.length, 100);
    for (const o of half) {
        assert.equal(o.instances.length, 5);
        assert.deepEqual(o.instances, [...o.instances].sort((a, b) => a - b));
        assert.equal(new Set(o.instances).size, 5);
        assert.ok(o.instances.every((i) => Number.isInteger(i) && i >= 0 && i < 10));
    }
    assert.ok(new Set(half.map((o) => o.instances.join(','))).size > 50, 'the chosen instances vary');
    const hits = Array(10).fill(0);
    for (const o of half)
        for (const i of o.instances)
            hits[i] = (hits[i] ?? 0) + 1;
    assert.ok(hits.every((h) => h > 30 && h < 70), `hits per instance ${hits.join(',')}`);
    const three = buildTimeline([kill({ every, target: { kind: 'count', count: 3 } })], { seed: 9, duration: 10 * M, instances: 10 });
    assert.ok(three.every((o) => o.instances.length === 3));
    const [all] = buildTimeline([kill()], { seed: 9, duration: M, instances: 4 });
    assert.deepEqual(all?.instances, [0, 1, 2, 3]);
    const [tiny] = buildTimeline([kill({ target: { kind: 'share', share: 0.01 } })], { seed: 9, duration: M, instances: 4 });
    assert.equal(tiny?.instances.length, 1, 'a share hits at least one instance');
    const [capped] = buildTimeline([kill({ target: { kind: 'count', count: 5 } })], { seed: 9, duration: M, instances: 2 });
    assert.deepEqual(capped?.instances, [0, 1], 'a count above the instances hits them all');
});
test('a range `for` draws each length uniformly within its bounds', () => {
    const timeline = buildTimeline([down({ for: { min: 10 * S, max: 30 * S }, every: { kind: 'periodic', interval: M } })], { seed: 11, duration: 1000 * M, instances: 1 });
    const lengths = timeline.map((o) => o.end - o.start);
    assert.equal(lengths.length, 1000);
    assert.ok(lengths.every((l) => l >= 10 * S && l <= 30 * S && Number.isInteger(l)));
    const average = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    assert.ok(Math.abs(average - 20 * S) < S, `mean length ${average}`);
    assert.ok(lengths.some((l) => l < 12 * S) && lengths.some((l) => l > 28 * S), 'the whole range is used');
});
test('occurrences are clipped to the duration; absent `for` lasts to the end; late faults never happen', () => {
    const timeline = buildTimeline([
        down({ name: 'late', at: 50 * M, for: fixed(20 * M) }),
        latency({ at: 10 * M }),
        down({ name: 'never', at: H }),
        down({ name: 'periodic', at: 0, for: fixed(15 * M), every: { kind: 'periodic', interval: 25 * M } }),
        kill({ at: 59 * M, every: { kind: 'periodic', interval: M } }),
    ], { seed: 1, duration: H, instances: 2 });
    assert.deepEqual(timeline.map((o) => [o.id, o.start / M, o.end / M]), [
        ['periodic/1', 0, 15],
        ['latency#1/1', 10, 60],
        ['periodic/2', 25, 40],
        ['late/1', 50, 60],
        ['periodic/3', 50, 60],
        ['kill#1/1', 59, 59],
    ]);
    assert.ok(timeline.every((o) => o.end <= H && o.end >= o.start));
});
test('activeAt: start inclusive, end exclusive, instantaneous faults only at their instant, per instance', () => {
    const timeline = buildTimeline([
        down({ name: 'a', at: 10 * S, for: fixed(30 * S), target: { kind: 'count', count: 1 } }),
        latency({ name: 'b', at: 20 * S, for: fixed(10 * S) }),
        kill({ name: 'k', at: 25 * S }),
    ], { seed: 2, duration: M, instances: 3 });
    const ids = (t, instance) => activeAt(timeline, t, instance).map((o) => o.id);
    assert.deepEqual(ids(0), []);
    assert.deepEqual(ids(10 * S), ['a/1']);
    assert.deepEqual(ids(20 * S), ['a/1', 'b/1']);
    assert.deepEqual(ids(25 * S), ['a/1', 'b/1', 'k/1']);
    assert.deepEqual(ids(25 * S + 1), ['a/1', 'b/1']);
    assert.deepEqual(ids(30 * S), ['a/1']);
    assert.deepEqual(ids(40 * S), []);
    const [a] = timeline;
    const hit = a?.instances[0];
    const missed = [0, 1, 2].find((i) => i !== hit);
    assert.deepEqual(ids(15 * S, hit), ['a/1']);
    assert.deepEqual(ids(15 * S, missed), []);
    assert.deepEqual(ids(25 * S, missed), ['b/1', 'k/1']);
});
test('the timeline is sorted by start, then by id', () => {
    const timeline = buildTimeline([down({ name: 'z', at: M }), kill({ name: 'a', at: M }), kill({ name: 'm', at: 0, every: { kind: 'periodic', interval: 6 * S } })], { seed: 1, duration: 2 * M, instances: 1 });
    for (let i = 1; i < timeline.length; i++)
        assert.ok(timeline[i - 1].start <= timeline[i].start);
    assert.deepEqual(timeline.filter((o) => o.start === M).map((o) => o.id), ['a/1', 'm/11', 'z/1']);
    assert.deepEqual(timeline.filter((o) => o.name === 'm').map((o) => o.id).slice(8, 11), ['m/9', 'm/10', 'm/11']);
});
test('a fault that would happen absurdly often is refused', () => {
    assert.throws(() => buildTimeline([kill({ every: { kind: 'periodic', interval: 1 } })], { seed: 1, duration: 24 * H, instances: 1 }), (err) => err instanceof InputError && /the fault kill#1 would happen more than 100000 times in 1d/.test(err.message));
});
test('an occurrence in words', () => {
    const [o] = buildTimeline([latency({ at: 10 * S, for: fixed(30 * S), target: { kind: 'count', count: 2 } })], { seed: 4, duration: M, instances: 2 });
    assert.ok(o);
    assert.equal(describeOccurrence({ ...o, instances: [0, 3] }), 'latency 200ms±20ms on instances 0,3 from 10s to 40s');
    assert.equal(describeOccurrence(o, { instances: 2 }), 'latency 200ms±20ms on all instances from 10s to 40s');
    assert.equal(describeOccurrence({ ...o, instances: [1] }), 'latency 200ms±20ms on instance 1 from 10s to 40s');
    const [k] = buildTimeline([kill({ at: 5 * M })], { seed: 4, duration: H, instances: 1 });
    assert.ok(k);
    assert.equal(describeOccurrence(k), 'kill on instance 0 at 5m');
});
test('a scenario\'s faults build into a timeline end to end', () => {
    const scenario = parseScenario(`name: t
duration: 1h
instances: 4
seed: 5
system: { kind: forwarder, input: { rate: 10/s } }
faults:
  - { kind: latency, at: 10m, for: 5m, latency: 1s, share: 0.5 }
  - { kind: sink-error, status: 503, at: 20m, for: 10s..30s, every: 15m, instances: 1 }
  - { kind: bandwidth, rate: 10, at: 55m, stream: upstream, toxicity: 0.5 }
  - { kind: slicer, averageSize: 1KB, sizeVariation: 100B, delay: 2ms, at: 50m, for: 1m }
  - { kind: dns-delay, delay: 2s, jitter: 500ms, at: 5m, for: 1m }
`, 't.yaml');
    const timeline = buildTimeline(scenario.faults, { seed: scenario.seed, duration: scenario.duration, instances: scenario.instances });
    assert.deepEqual(timeline.map((o) => [o.id, o.start / M, o.instances.length]), [
        ['dns-delay#1/1', 5, 4],
        ['latency#1/1', 10, 2],
        ['sink-error#1/1', 20, 1],
        ['sink-error#1/2', 35, 1],
        ['sink-error#1/3', 50, 1],
        ['slicer#1/1', 50, 4],
        ['bandwidth#1/1', 55, 4],
    ]);
    assert.deepEqual(timeline.map((o) => describeOccurrence({ ...o, instances: [0] }).replace(/ on instance 0 .*/, '')), ['dns-delay 2s±500ms', 'latency 1s', 'sink-error 503', 'sink-error 503', 'sink-error 503', 'slicer 1KB±100B slices 2ms apart', 'bandwidth 10KB/s upstream (toxicity 0.5)']);
});
//# sourceMappingURL=timeline.test.js.map