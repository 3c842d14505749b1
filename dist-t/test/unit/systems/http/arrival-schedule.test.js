import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArrivalSchedule } from '../../../../src/systems/http/arrival-schedule.js';
import { threadShares } from '../../../../src/systems/http/run-load.js';
function all(schedule, from = 0, step = 1) {
    const out = [];
    for (let k = from;; k += step) {
        const due = schedule.dueAt(k);
        if (due === undefined)
            return out;
        out.push(due);
    }
}
test('a constant rate makes rate × duration requests due, evenly spaced from 0', () => {
    const due = all(new ArrivalSchedule({ startRate: 1000, stages: [{ target: 1000, durationMs: 2000 }] }));
    assert.equal(due.length, 2000);
    for (const [k, t] of due.entries())
        assert.ok(Math.abs(t - k) < 1e-9, `request ${k} due at ${t}`);
});
test('a linear ramp from 0 to 100/s over 10 s: 500 requests, request k due when 5·t² = k (t in s)', () => {
    const due = all(new ArrivalSchedule({ startRate: 0, stages: [{ target: 100, durationMs: 10_000 }] }));
    assert.equal(due.length, 500);
    for (const k of [0, 5, 125, 320, 499])
        assert.ok(Math.abs(due[k] - Math.sqrt(k / 5) * 1000) < 1e-6, `request ${k} due at ${due[k]}`);
});
test('stages follow each other: a ramp down after a flat stage, and a zero-rate pause', () => {
    const s = new ArrivalSchedule({
        startRate: 10,
        stages: [
            { target: 10, durationMs: 1000 },
            { target: 0, durationMs: 1000 },
            { target: 0, durationMs: 1000 },
            { target: 20, durationMs: 1000 },
        ],
    });
    const due = all(s);
    // 10 in the flat second, 5 in the ramp down, none in the pause, 10 in the ramp up.
    assert.equal(due.length, 25);
    assert.ok(due.slice(10, 15).every((t) => t >= 1000 && t < 2000));
    assert.ok(due.slice(15).every((t) => t >= 3000 && t < 4000));
});
test('threads sharing a schedule send exactly the schedule between them, and the connections add up', () => {
    const rate = { startRate: 50, stages: [{ target: 350, durationMs: 3000 }] };
    const whole = all(new ArrivalSchedule(rate));
    const threads = 3;
    const union = Array.from({ length: threads }, (_, w) => all(new ArrivalSchedule(rate), w, threads)).flat();
    assert.deepEqual(union.sort((a, b) => a - b), whole);
    const shares = threadShares({ origin: 'http://127.0.0.1:1', requests: [{ method: 'GET', path: '/' }], connections: 11, pipelining: 1, workers: threads, durationMs: 1 });
    assert.deepEqual(shares.map((s) => s.connections), [4, 4, 3]);
});
//# sourceMappingURL=arrival-schedule.test.js.map