import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HEARTBEAT_WALL_MS } from '../../../src/engine/cell-runner.js';
import { MS_PER_HOUR } from '../../../src/stats/hours-to-failure.js';
import { cellResults, runCell } from '../../helpers/cell.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';
/** Each instance's journaled lifetime, by id: from its `instance-start` to its `instance-end` (scenario ms of the cell). */
function lifetimes(journal) {
    const out = new Map();
    for (const e of journal) {
        if (e.t === 'instance-start')
            out.set(e.id, { slot: e.slot, start: e.at, end: undefined });
        else if (e.t === 'instance-end') {
            const l = out.get(e.id);
            assert.ok(l, `instance ${e.id} ended without a start`);
            l.end = e.at;
        }
    }
    return out;
}
test('exposure is every instance running from the cell start to its stop, at a high clock speed (quickstart-like)', { timeout: 90_000 }, async () => {
    // quickstart's shape (4 instances, 500 records/s) at speed 30: booting 4 workers takes wall time that is
    // long in scenario time, which must not be charged to, or taken from, the instances' running time.
    const instances = 4;
    const speed = 30;
    const scenario = forwarderScenario({
        duration: '60s',
        drain: '10s',
        instances: String(instances),
        'clock.speed': String(speed),
        'system.input.rate': '500/s',
        'system.flush': '1s',
        'system.scheduler.base': '100ms',
        'system.scheduler.cap': '2s',
        'failures.hangWindow': '60s',
        'report.interval': '5s',
    });
    const { journal } = await runCell(scenario, undefined);
    const heartbeat = HEARTBEAT_WALL_MS * speed;
    const lives = lifetimes(journal);
    assert.equal(lives.size, instances, 'one instance per slot, none failed');
    for (const [id, l] of lives) {
        assert.equal(l.start, 0, `${id} started with the cell`);
        assert.ok(l.end !== undefined && l.end >= l.start, `${id} lived from ${l.start} to ${l.end}`);
        // Each ran its load for the whole duration at least (and was stopped during or after the drain).
        assert.ok(l.end >= scenario.duration, `${id} ended at ${l.end} ms, before the load's ${scenario.duration} ms`);
    }
    const sumOfLives = [...lives.values()].reduce((a, l) => a + (l.end - l.start), 0);
    const cell = cellResults(scenario, journal);
    const exposureMs = cell.exposureHours * MS_PER_HOUR;
    assert.ok(Math.abs(exposureMs - sumOfLives) <= heartbeat, `results exposure ${exposureMs} ms, lifetimes ${sumOfLives} ms`);
    assert.ok(exposureMs >= instances * scenario.duration, `results exposure ${exposureMs} ms is less than ${instances} instances × ${scenario.duration} ms`);
    // The live figure (written in the last interval, after every instance stopped) agrees with the journal's.
    const intervals = journal.filter((e) => e.t === 'interval');
    const live = intervals[intervals.length - 1].exposureMs;
    assert.ok(Math.abs(live - exposureMs) <= heartbeat, `live exposure ${live} ms, results ${exposureMs} ms`);
});
//# sourceMappingURL=exposure.test.js.map