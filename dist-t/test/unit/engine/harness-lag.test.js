import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkClockSpeed } from '../../../src/engine/clock-check.js';
import { HarnessLag } from '../../../src/engine/harness-lag.js';
import { InputError } from '../../../src/core/errors.js';
import { buildResults } from '../../../src/results/build-results.js';
import { buildReportModel } from '../../../src/report/model.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { renderJunit } from '../../../src/report/renderers/junit.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { renderTerminal } from '../../../src/report/renderers/terminal.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';
test('a speed at which an ordinary 20 ms stall of duress would approach a latency threshold is refused before the run', () => {
    // 20 ms × 60 = 1.2 s: over half of 2 s. At speed 50 it is 1 s, exactly half: refused too; at 49 it passes.
    const at = (speed, threshold) => () => checkClockSpeed(forwarderScenario({ 'clock.speed': String(speed), 'failures.hangWindow': '10m', 'system.flush': '5s', 'system.scheduler.base': '5s', 'system.scheduler.cap': '60s', 'system.net.connectTimeout': '10s', 'system.net.keepaliveIdleTimeout': '30s', thresholds: `["${threshold}"]` }), 'test.yaml');
    assert.throws(at(60, 'p99 < 2s'), (e) => e instanceof InputError && /too fast for the threshold "p99 < 2s"/.test(e.message) && /1\.2s/.test(e.message));
    assert.throws(at(50, 'p99 < 2s'), InputError);
    assert.doesNotThrow(at(49, 'p99 < 2s'));
    assert.doesNotThrow(at(60, 'lost == 0'), 'only latency thresholds are judged against lag');
    assert.doesNotThrow(at(1, 'p50 < 1ms'), 'at speed 1 lag is not multiplied: the report flags what it distorted');
});
test('harness trouble of any kind (a worker that could not boot) says so in every report, and is not a failure', () => {
    const scenario = forwarderScenario();
    const info = { index: 0, name: 'default', values: {}, instances: 1, duration: scenario.duration };
    const journal = [
        { t: 'run-start', format: 'duress-journal/1', duressVersion: 'test', wall: '2026-01-01T00:00:00.000Z', file: 'test.yaml', scenario, speed: 1, cells: [info] },
        { t: 'cell-start', cell: 0, wall: '2026-01-01T00:00:00.000Z' },
        { t: 'harness', cell: 0, slot: 0, at: 0, wallMs: 5, kind: 'worker-boot', detail: 'the worker of slot 0 could not start: ERR_WORKER_INIT_FAILED' },
        { t: 'instance-start', cell: 0, slot: 0, id: 'c0s0g1', at: 0 },
        { t: 'instance-end', cell: 0, slot: 0, id: 'c0s0g1', at: 2000, reason: 'stopped' },
    ];
    const results = buildResults(journal);
    assert.deepEqual(results.cells[0].failures, []);
    assert.equal(results.harness.inTrouble, true);
    assert.equal(results.harness.trouble[0].kind, 'worker-boot');
    const model = buildReportModel(results);
    for (const text of [renderTerminal(model), renderMarkdown(model), renderHtml(model), renderJunit(model)]) {
        assert.match(text, /HARNESS IN TROUBLE/);
        assert.match(text, /ERR_WORKER_INIT_FAILED/);
    }
    assert.equal(model.harness.inTrouble, true);
});
test('a stall of the main thread that holds back the interval itself is in that interval, and only in it', { timeout: 10_000 }, async () => {
    const STALL_MS = 300;
    const lag = new HarnessLag({ scenario: forwarderScenario(), cell: 0, journal: () => { } });
    try {
        await new Promise((r) => setTimeout(r, 50));
        lag.take(0, 0);
        // The stall, then the interval at once: the loop-delay histogram has not ticked since, and its reset would forget it.
        const until = performance.now() + STALL_MS;
        while (performance.now() < until)
            ;
        const stalled = lag.take(0, 0);
        assert.ok(stalled.mainMaxMs >= STALL_MS * 0.9, `main-thread lag ${stalled.mainMaxMs} ms for a ${STALL_MS} ms stall`);
        await new Promise((r) => setTimeout(r, 50));
        const next = lag.take(0, 0);
        assert.ok(next.mainMaxMs < STALL_MS / 2, `the next interval still says ${next.mainMaxMs} ms`);
        // The cell's last interval is taken after the monitor stopped: the time since is not lag.
        lag.stop();
        await new Promise((r) => setTimeout(r, STALL_MS));
        const last = lag.take(0, 0);
        assert.ok(last.mainMaxMs < STALL_MS / 2, `the interval after stop says ${last.mainMaxMs} ms`);
    }
    finally {
        lag.stop();
    }
});
//# sourceMappingURL=harness-lag.test.js.map