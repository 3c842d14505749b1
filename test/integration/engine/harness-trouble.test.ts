import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Toxiproxy } from 'toxiproxy-node-client';
import { CellStartError } from '../../../src/engine/cell-start-error.js';
import type { Slot } from '../../../src/engine/slot.js';
import { MAX_FIRST_BOOTS } from '../../../src/engine/cell-runner.js';
import type { IsolatedInstance } from '../../../src/engine/isolation/isolated-instance.js';
import { readJournal } from '../../../src/journal/writer.js';
import type { HarnessEvent, JournalEvent } from '../../../src/journal/events.js';
import { Random } from '../../../src/core/random.js';
import { runScenario } from '../../../src/engine/run.js';
import { ScaledClock } from '../../../src/core/clock.js';
import { createToxiproxyServer } from '../../../src/faults/toxiproxy.js';
import { loadScenarioDocument } from '../../../src/scenario/load.js';
import { expandMatrix } from '../../../src/scenario/matrix.js';
import type { RunResults } from '../../../src/results/results.js';
import { MS_PER_HOUR } from '../../../src/stats/hours-to-failure.js';
import { cellResults, ForwarderTestCell, runCellWith } from '../../helpers/cell.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';

/** A forwarder cell whose slot 0 first gets a worker with a 1 MB heap: a real worker that cannot boot. */
class FirstBootFails extends ForwarderTestCell {
  protected override spawn(slot: Slot, id: string, seed: number, heapLimitMb: number): IsolatedInstance {
    return super.spawn(slot, id, seed, slot.index === 0 && slot.generation === 0 ? 1 : heapLimitMb);
  }
}

test('a worker that cannot boot is harness trouble: journaled as such, no failure, no running time; the slot boots again', { timeout: 60_000 }, async () => {
  // A worker per instance: the 1 MB heap is that one instance's worker's (a shared worker's cap is its own).
  const scenario = forwarderScenario({ duration: '3s', drain: '5s', instances: '2', 'isolation.instancesPerWorker': '1' });
  const { journal } = await runCellWith((...a) => new FirstBootFails(...a), scenario, undefined, false);
  const harness = journal.filter((e): e is HarnessEvent => e.t === 'harness');
  assert.equal(harness.length, 1, JSON.stringify(harness));
  assert.equal(harness[0]!.kind, 'worker-boot');
  assert.equal(harness[0]!.slot, 0);
  assert.match(harness[0]!.detail, /c0s0g0 could not boot: .*memory/);
  assert.deepEqual(journal.filter((e) => e.t === 'failure'), []);
  const started = journal.filter((e) => e.t === 'instance-start').map((e) => e.t === 'instance-start' && e.id);
  assert.deepEqual(started.sort(), ['c0s0g1', 'c0s1g0'], 'the worker that never booted never ran');
  const cell = cellResults(scenario, journal);
  assert.equal(cell.htf.overall.failures, 0);
  // Two instances ran the whole load: the one that never booted adds nothing.
  const exposureMs = cell.exposureHours * MS_PER_HOUR;
  assert.ok(exposureMs >= 2 * scenario.duration && exposureMs < 2 * (scenario.duration + scenario.drain) + 2000, `exposure ${exposureMs} ms`);
});

/** A forwarder cell whose slot 1 gets a worker with a 1 MB heap every time: a start that can never succeed. */
class NeverBoots extends ForwarderTestCell {
  protected override spawn(slot: Slot, id: string, seed: number, heapLimitMb: number): IsolatedInstance {
    return super.spawn(slot, id, seed, slot.index === 1 ? 1 : heapLimitMb);
  }
}

test('a slot whose worker never boots is tried MAX_FIRST_BOOTS times, then the cell could not start; the slot that booted is stopped', { timeout: 60_000 }, async () => {
  const scenario = forwarderScenario({ duration: '10m', drain: '5s', instances: '2', 'isolation.instancesPerWorker': '1' });
  const journal: JournalEvent[] = [];
  const began = performance.now();
  let error: unknown;
  await runCellWith((info, s, clock, layer, write) => new NeverBoots(info, s, clock, layer, (e) => (journal.push(e), write(e))), scenario, undefined, false).catch((e: unknown) => (error = e));
  assert.ok(error instanceof Error, 'the cell did not start');
  assert.match(error.message, new RegExp(`instance c0s1g${MAX_FIRST_BOOTS - 1} could not boot, ${MAX_FIRST_BOOTS} times in a row: .*memory`));
  // A wait between tries, doubling from 0.5 s: 0.5 + 1 s; then no more tries, and no 10 minutes of load.
  assert.ok(performance.now() - began < 30_000);
  const boots = journal.filter((e): e is HarnessEvent => e.t === 'harness' && e.kind === 'worker-boot');
  assert.deepEqual(boots.map((b) => b.slot), Array.from({ length: MAX_FIRST_BOOTS }, () => 1));
  // Slot 0 booted and was stopped with the cell: its start and end are both in the journal.
  const ofSlot0 = journal.filter((e) => (e.t === 'instance-start' || e.t === 'instance-end') && e.slot === 0).map((e) => e.t);
  assert.deepEqual(ofSlot0, ['instance-start', 'instance-end']);
});

/**
 * A real Toxiproxy-compatible server where a route named like cell 1's first route already exists:
 * cell 1 cannot make its routes and fails to start, while cell 0 starts.
 */
async function proxyWithCell1Taken(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createToxiproxyServer({ host: '127.0.0.1', port: 0, clock: new ScaledClock(1), random: new Random(1) });
  const { url } = await server.start();
  await new Toxiproxy(url).createProxy({ name: 'cell1-slot0', listen: '127.0.0.1:0', upstream: '127.0.0.1:9' });
  return { url, stop: () => server.stop() };
}

/** Two cells of a 10-minute load at real speed: a run that is not stopped would outlast the test. */
const TWO_CELL_YAML = `
name: two-cells
seed: 3
duration: 10m
instances: 2
drain: 5s
system:
  kind: forwarder
  input: { rate: 100/s }
  flush: 200ms
matrix:
  variant:
    a: { system: { flush: 200ms } }
    b: { system: { flush: 300ms } }
`;

test('a cell that cannot start stops its siblings, the journal is whole, and the run ends with a CellStartError carrying what ran', { timeout: 60_000 }, async () => {
  const proxy = await proxyWithCell1Taken();
  const dir = mkdtempSync(path.join(tmpdir(), 'duress-cell-start-'));
  try {
    const file = path.join(dir, 'two.yaml');
    writeFileSync(file, TWO_CELL_YAML);
    const { scenario, data } = await loadScenarioDocument(file);
    const cells = expandMatrix(data, scenario, file);
    assert.equal(cells.length, 2);
    const began = performance.now();
    let error: unknown;
    await runScenario(scenario, cells, { file, dir, toxiproxyUrl: proxy.url }).catch((err: unknown) => (error = err));
    assert.ok(error instanceof CellStartError, `expected a CellStartError, got ${String(error)}`);
    assert.equal(error.exitCode, 3);
    assert.match(error.message, /cell variant=b could not start/);
    assert.ok(performance.now() - began < 30_000, 'the sibling was stopped, not left to run its 10 minutes');
    const { events, skipped } = readJournal(path.join(dir, 'journal.jsonl'));
    assert.deepEqual(skipped, []);
    assert.equal(events[events.length - 1]!.t, 'run-end', 'the journal was closed last, after every cell stopped');
    const harness = events.filter((e): e is HarnessEvent => e.t === 'harness');
    assert.deepEqual(harness.map((h) => [h.kind, h.cell]), [['cell-start', 1]]);
    // The sibling ran, was stopped, and its instances' ends are in the journal before the run's end.
    const ofCell0 = (t: JournalEvent['t']): JournalEvent[] => events.filter((e) => e.t === t && 'cell' in e && e.cell === 0);
    assert.equal(ofCell0('instance-start').length, 2);
    assert.equal(ofCell0('instance-end').length, 2);
    assert.equal(ofCell0('cell-end').length, 1);
    const results: RunResults = error.results;
    assert.equal(results.cells.length, 2);
    assert.ok(results.cells[0]!.exposureHours > 0);
    assert.equal(results.cells[1]!.exposureHours, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await proxy.stop();
  }
});

test('duress run: a cell that cannot start gives exit 3 with one line, and the reports of what ran', { timeout: 60_000 }, async () => {
  const proxy = await proxyWithCell1Taken();
  const dir = mkdtempSync(path.join(tmpdir(), 'duress-cell-start-cli-'));
  try {
    const file = path.join(dir, 'two.yaml');
    writeFileSync(file, TWO_CELL_YAML);
    const out = path.join(dir, 'out');
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    // Asynchronously: the proxy server runs in this process and must answer the child.
    const child = spawn(process.execPath, [path.join(root, 'bin', 'duress.js'), 'run', file, '--out', out, '--toxiproxy', proxy.url], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 3, stderr);
    assert.match(stderr, /cell variant=b could not start/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    assert.ok(existsSync(path.join(out, 'results.json')), 'results of what ran were written');
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults;
    assert.equal(results.cells.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await proxy.stop();
  }
});
