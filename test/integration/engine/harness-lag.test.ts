import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HarnessEvent, IntervalEvent, JournalEvent } from '../../../src/engine/journal-events.js';
import { buildResults } from '../../../src/report/build-results.js';
import { buildReportModel } from '../../../src/report/model.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { renderJson } from '../../../src/report/renderers/json.js';
import { renderJunit } from '../../../src/report/renderers/junit.js';
import { renderMarkdown } from '../../../src/report/renderers/markdown.js';
import { renderTerminal } from '../../../src/report/renderers/terminal.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { runCell } from '../../helpers/cell.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';

const STALL_WALL_MS = 400;
const SPEED = 20;

function withRunStart(scenario: Scenario, journal: readonly JournalEvent[]): JournalEvent[] {
  const info = { index: 0, name: 'default', values: {}, instances: scenario.instances, duration: scenario.duration };
  return [{ t: 'run-start', format: 'duress-journal/1', duressVersion: 'test', wall: new Date().toISOString(), file: 'test.yaml', scenario, speed: SPEED, cells: [info] }, ...journal];
}

test('a stall of duress main thread at speed 20 is measured, journaled as harness trouble, and flagged in every report', { timeout: 60_000 }, async () => {
  // 60 s of scenario time in 3 s of wall time; a 400 ms busy loop of the main thread (the sink, the proxies,
  // the ledger all wait) is 8 s of scenario time: over half of the p99 bound and far above the 1 s flush.
  const scenario = forwarderScenario({
    duration: '60s',
    drain: '20s',
    'clock.speed': String(SPEED),
    'system.input.rate': '100/s',
    'system.flush': '1s',
    'system.scheduler.base': '200ms',
    'system.scheduler.cap': '2s',
    'failures.hangWindow': '60s',
    thresholds: '["p99 < 15s"]',
  });
  let stalled = 0;
  const { journal } = await runCell(scenario, () => {
    setTimeout(() => {
      const start = performance.now();
      while (performance.now() - start < STALL_WALL_MS);
      stalled = performance.now() - start;
    }, 1000);
  });
  assert.ok(stalled >= STALL_WALL_MS, 'the stall happened');

  const intervals = journal.filter((e): e is IntervalEvent => e.t === 'interval');
  const worstMain = Math.max(...intervals.map((i) => i.lag?.mainMaxMs ?? 0));
  assert.ok(worstMain >= STALL_WALL_MS * 0.9, `main-thread lag measured ${worstMain} ms for a ${STALL_WALL_MS} ms stall`);
  const events = journal.filter((e): e is HarnessEvent => e.t === 'harness' && e.kind === 'event-loop-lag');
  assert.ok(events.length >= 1, 'an event-loop-lag harness event was journaled');
  assert.match(events[0]!.detail, /main thread/);
  assert.match(events[0]!.detail, /p99 < 15s/);

  const results = buildResults(withRunStart(scenario, journal));
  const harness = results.harness!;
  assert.equal(harness.inTrouble, true);
  assert.ok(harness.lag.scenarioMs >= STALL_WALL_MS * 0.9 * SPEED, `lag in scenario time ${harness.lag.scenarioMs} ms`);
  // The latency max includes the stall itself: at least 90% of 8 s, so the 8 s lag is far over 10% of it.
  const flagged = harness.distorted.map((d) => d.figure);
  assert.ok(flagged.includes('end-to-end max') && flagged.includes('end-to-end p99'), `flagged: ${flagged.join(', ')}`);

  const model = buildReportModel(results);
  assert.ok(model.cells[0]!.lagDistorted.includes('max'));
  const terminal = renderTerminal(model);
  const markdown = renderMarkdown(model);
  const html = renderHtml(model);
  const junit = renderJunit(model);
  const json = JSON.parse(renderJson(model)) as { harness: { inTrouble: boolean; figures: { trouble: unknown[] } } };
  for (const [name, text] of [['terminal', terminal], ['markdown', markdown], ['html', html], ['junit', junit]] as const) {
    assert.match(text, /HARNESS IN TROUBLE/, `${name} says the harness was in trouble`);
    assert.match(text, /HARNESS LAG MAY HAVE DISTORTED/, `${name} flags the distorted figures`);
    assert.match(text, /harness lag/, `${name} states the lag`);
  }
  assert.equal(json.harness.inTrouble, true);
  assert.ok(json.harness.figures.trouble.length >= 1);
  assert.match(junit, /<property name="duress.harness.inTrouble" value="true"\/>/);
  assert.match(terminal, /\S\* *│/, 'the distorted latency figures are marked in the table');
});
