import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HEARTBEAT_WALL_MS } from '../../../src/engine/cell-runner.js';
import { buildResults } from '../../../src/results/build-results.js';
import { buildReportModel } from '../../../src/report/model.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { renderJson } from '../../../src/report/renderers/index.js';
import { renderJunit } from '../../../src/report/renderers/junit.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { renderTerminal } from '../../../src/report/renderers/terminal.js';
import { formatMs } from '../../../src/report/format.js';
import { ForwarderTestCell, runBrokerCell, runCell, runCellWith } from '../../helpers/cell.js';
import { brokerScenario, forwarderScenario } from '../../helpers/scenario-text.js';
const STALL_WALL_MS = 400;
const SPEED = 20;
function withRunStart(scenario, journal) {
    const info = { index: 0, name: 'default', values: {}, instances: scenario.instances, duration: scenario.duration };
    return [{ t: 'run-start', format: 'duress-journal/1', duressVersion: 'test', wall: new Date().toISOString(), file: 'test.yaml', scenario, speed: SPEED, cells: [info] }, ...journal];
}
/** Every report format says the harness was in trouble, states the lag and flags the distorted figures. */
function assertFlaggedInEveryReport(results) {
    const model = buildReportModel(results);
    assert.ok(model.cells[0].lagDistorted.includes('max'));
    const terminal = renderTerminal(model);
    const markdown = renderMarkdown(model);
    const html = renderHtml(model);
    const junit = renderJunit(model);
    const json = JSON.parse(renderJson(model));
    for (const [name, text] of [['terminal', terminal], ['markdown', markdown], ['html', html], ['junit', junit]]) {
        assert.match(text, /HARNESS IN TROUBLE/, `${name} says the harness was in trouble`);
        assert.match(text, /HARNESS LAG MAY HAVE DISTORTED/, `${name} flags the distorted figures`);
        assert.match(text, /harness lag/, `${name} states the lag`);
    }
    assert.equal(json.harness.inTrouble, true);
    assert.ok(json.harness.figures.trouble.length >= 1);
    assert.match(junit, /<property name="duress.harness.inTrouble" value="true"\/>/);
    assert.match(terminal, /\S\* *│/, 'the distorted latency figures are marked in the table');
}
/** The scenario of the stall tests: 60 s at speed 20, hang window 60 s, p99 bound 15 s. */
function stallScenario(extra = {}) {
    return forwarderScenario({
        duration: '60s',
        drain: '20s',
        'clock.speed': String(SPEED),
        'system.input.rate': '100/s',
        'system.flush': '1s',
        'system.scheduler.base': '200ms',
        'system.scheduler.cap': '2s',
        'failures.hangWindow': '60s',
        thresholds: '["p99 < 15s"]',
        ...extra,
    });
}
test('a stall of duress main thread at speed 20 is measured, journaled as harness trouble, and flagged in every report', { timeout: 60_000 }, async () => {
    // 60 s of scenario time in 3 s of wall time; a 400 ms busy loop of the main thread (the sink, the proxies,
    // the ledger all wait) is 8 s of scenario time: over half of the p99 bound and far above the 1 s flush.
    const scenario = stallScenario();
    let stalled = 0;
    const { journal } = await runCell(scenario, () => {
        setTimeout(() => {
            const start = performance.now();
            while (performance.now() - start < STALL_WALL_MS)
                ;
            stalled = performance.now() - start;
        }, 1000);
    });
    assert.ok(stalled >= STALL_WALL_MS, 'the stall happened');
    const intervals = journal.filter((e) => e.t === 'interval');
    const worstMain = Math.max(...intervals.map((i) => i.lag?.mainMaxMs ?? 0));
    assert.ok(worstMain >= STALL_WALL_MS * 0.9, `main-thread lag measured ${worstMain} ms for a ${STALL_WALL_MS} ms stall`);
    const events = journal.filter((e) => e.t === 'harness' && e.kind === 'event-loop-lag');
    assert.ok(events.length >= 1, 'an event-loop-lag harness event was journaled');
    assert.match(events[0].detail, /main thread/);
    assert.match(events[0].detail, /p99 < 15s/);
    const results = buildResults(withRunStart(scenario, journal));
    const harness = results.harness;
    assert.equal(harness.inTrouble, true);
    assert.ok(harness.lag.scenarioMs >= STALL_WALL_MS * 0.9 * SPEED, `lag in scenario time ${harness.lag.scenarioMs} ms`);
    // The latency max includes the stall itself: at least 90% of 8 s, so the 8 s lag is far over 10% of it.
    const flagged = harness.distorted.map((d) => d.figure);
    assert.ok(flagged.includes('end-to-end max') && flagged.includes('end-to-end p99'), `flagged: ${flagged.join(', ')}`);
    assertFlaggedInEveryReport(results);
});
/** The product's forwarder cell, with a handle to make one instance's worker thread busy (tests only). */
class BusyWorkerCell extends ForwarderTestCell {
    busyWorker(slot, wallMs) {
        const instance = this.slots[slot]?.instance;
        instance?.busy(wallMs);
        return instance !== undefined;
    }
}
const workerLag = (journal) => Math.max(0, ...journal.filter((e) => e.t === 'interval').map((i) => i.lag?.workerMaxMs ?? 0));
test('a stall inside an instance worker reaches the interval lag, the results and every report', { timeout: 60_000 }, async (t) => {
    // 600 ms of synchronous work in the instance's own thread, 1 s into the load: 12 s of scenario time at speed 20.
    const WORKER_STALL_WALL_MS = 600;
    const scenario = stallScenario();
    let asked = false;
    const { journal } = await runCellWith((...a) => new BusyWorkerCell(...a), scenario, (cell) => {
        setTimeout(() => (asked = cell.busyWorker(0, WORKER_STALL_WALL_MS)), 1000);
    }, false);
    assert.ok(asked, 'the worker was asked to be busy');
    // The stall ends the gap between two heartbeats (HEARTBEAT_WALL_MS apart when on time): measured as at
    // least the stall less one heartbeat period.
    const worst = workerLag(journal);
    t.diagnostic(`worker lag ${worst.toFixed(0)} ms for a ${WORKER_STALL_WALL_MS} ms stall`);
    assert.ok(worst >= WORKER_STALL_WALL_MS - HEARTBEAT_WALL_MS, `worker lag measured ${worst} ms for a ${WORKER_STALL_WALL_MS} ms stall`);
    const events = journal.filter((e) => e.t === 'harness' && e.kind === 'event-loop-lag');
    assert.ok(events.some((e) => e.slot === 0 && /the worker of instance slot 0/.test(e.detail)), `lag events: ${events.map((e) => e.detail).join(' | ')}`);
    const results = buildResults(withRunStart(scenario, journal));
    const harness = results.harness;
    assert.ok(harness.lag.workerMaxMs >= WORKER_STALL_WALL_MS - HEARTBEAT_WALL_MS, `results.harness.lag.workerMaxMs ${harness.lag.workerMaxMs}`);
    assert.ok(harness.lag.workerMaxMs > harness.lag.mainMaxMs, 'the worst lag was the worker\'s');
    assert.ok(harness.distorted.some((d) => d.figure === 'end-to-end max'), `flagged: ${harness.distorted.map((d) => d.figure).join(', ')}`);
    assertFlaggedInEveryReport(results);
});
test('a pause freezes the worker but is not harness lag: its delay is left out', { timeout: 60_000 }, async (t) => {
    // A 12 s pause (600 ms of wall time) of slot 0, in the middle of the load. Its worker's loop stops for
    // all that time and its next heartbeat comes that much late; the worker must leave the freeze out of its
    // loop delay (it knows how long it waited), or the pause would read as 600 ms of harness lag.
    const PAUSE_WALL_MS = 600;
    const scenario = stallScenario({ faults: `[{kind: pause, at: 20s, for: ${(PAUSE_WALL_MS * SPEED) / 1000}s, instances: 1}]` });
    const { journal } = await runCell(scenario);
    const pause = journal.find((e) => e.t === 'fault-start' && e.kind === 'pause');
    assert.ok(pause && pause.t === 'fault-start' && pause.slots.length === 1, 'the pause held an instance');
    assert.ok(journal.some((e) => e.t === 'fault-end' && e.id === pause.id), 'the pause ended during the load');
    assert.deepEqual(journal.filter((e) => e.t === 'failure'), []);
    const worst = workerLag(journal);
    t.diagnostic(`worker lag ${worst.toFixed(0)} ms with a ${PAUSE_WALL_MS} ms pause`);
    assert.ok(worst < PAUSE_WALL_MS / 2, `worker lag ${worst} ms: the ${PAUSE_WALL_MS} ms pause was counted as harness lag`);
    assert.ok(!journal.some((e) => e.t === 'harness' && e.kind === 'event-loop-lag' && e.slot !== undefined), 'no worker lag event');
});
test('a stall of duress main thread during a broker run marks the subscriber table in every format', { timeout: 60_000 }, async (t) => {
    // 60 s of scenario time at speed 20 (3 s wall), messages delivered within milliseconds; a 400 ms stall of
    // the main thread is 8 s of scenario time: far over 10% of every fast-subscriber figure.
    const scenario = brokerScenario({ duration: '60s', drain: '20s', 'clock.speed': String(SPEED), 'system.rate': '20/s', 'failures.hangWindow': '60s', 'report.interval': '5s' });
    const { journal } = await runBrokerCell(scenario, () => {
        setTimeout(() => {
            const start = performance.now();
            while (performance.now() - start < STALL_WALL_MS)
                ;
        }, 1000);
    });
    const results = buildResults(withRunStart(scenario, journal));
    t.diagnostic(`lag ${results.harness.lag.scenarioMs.toFixed(0)} scenario ms; fast p50 ${results.cells[0].latency.endToEnd.p50.toFixed(1)} ms`);
    assert.ok(results.harness.lag.scenarioMs >= STALL_WALL_MS * 0.9 * SPEED, `lag in scenario time ${results.harness.lag.scenarioMs} ms`);
    const model = buildReportModel(results);
    const row = model.linkTable?.rows[0];
    assert.ok(row && row.baseline.count > 0, 'the fast subscribers delivered');
    // The 8 s lag against figures derived independently: each fast figure under 80 s is flagged.
    const expected = ['p50', 'p99', 'max'].filter((k) => row.baseline[k] * 0.1 <= STALL_WALL_MS * 0.9 * SPEED);
    assert.ok(expected.includes('p50'), `fast p50 ${row.baseline.p50} ms`);
    for (const k of expected)
        assert.ok(row.lagDistorted.includes(k), `fast ${k} flagged (${row.lagDistorted.join(', ')})`);
    const p50 = new RegExp(`${formatMs(row.baseline.p50).replace('.', '\\.')}\\*`);
    assert.match(subscriberSection(renderTerminal(model), 'Fast subscribers (no fault', '┘'), p50, 'terminal');
    assert.match(subscriberSection(renderMarkdown(model), '### Fast subscribers', '###'), p50, 'markdown');
    assert.match(subscriberSection(renderHtml(model), '<section id="subscribers">', '</section>'), p50, 'html');
    const json = JSON.parse(renderJson(model));
    assert.ok(json.linkTable.rows[0].lagDistorted.includes('p50'), 'json');
});
/** The text of a report from the first `from` to the next `to` after it. */
function subscriberSection(text, from, to) {
    const start = text.indexOf(from);
    assert.ok(start >= 0, `the report has ${from}`);
    const end = text.indexOf(to, start + from.length);
    return text.slice(start, end < 0 ? undefined : end);
}
//# sourceMappingURL=harness-lag.test.js.map