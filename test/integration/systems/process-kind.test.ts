import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadScenario, runScenario, type CellResults } from '../../../src/index.js';
import type { FailureEvent } from '../../../src/journal/events.js';

interface InstanceStartEvent {
  t: 'instance-start';
  id: string;
  at: number;
}

/** The fixture forwarder, a separate Node program, as the test build makes it. */
const FIXTURE = fileURLToPath(new URL('../../fixtures/line-forwarder.js', import.meta.url));

const RATE = 100;
const HANG_WINDOW_MS = 2500;
const HANG_AFTER = 100;
const CRASH_AFTER = 150;
const FLUSH_MS = 100;
/** The fixture's resident set is about 50 MB; the leaking one takes twice this limit on top. */
const MEMORY_LIMIT_MB = 120;
/** Scheduling slack on a loaded 2-core machine (a node program's start, the watchdog's 50 ms, heartbeats). */
const SLACK_MS = 1500;

interface Run {
  cell: CellResults;
  starts: InstanceStartEvent[];
}

/** Runs `yaml` from a fresh folder (removed after the test); the journal's instance starts come with the results. */
async function run(t: { after(fn: () => Promise<void>): void }, name: string, yaml: string): Promise<Run> {
  const dir = await mkdtemp(path.join(tmpdir(), `duress-process-${name}-`));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'scenario.yaml');
  await writeFile(file, yaml);
  const out = path.join(dir, 'run');
  const { results } = await runScenario(await loadScenario(file), { out });
  const events = (await readFile(path.join(out, 'journal.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { t: string });
  return { cell: results.cells[0]!, starts: events.filter((e): e is InstanceStartEvent => e.t === 'instance-start') };
}

const config = (input: string): string => `
  config:
    file: forwarder.json
    template: |
      { "input": ${input},
        "sink": { "url": "{{sink.url}}", "group": "fixture", "stream": "{{sink.channel}}" }, "flushMs": ${FLUSH_MS} }`;

/** Every record is counted once: delivered, dropped (never taken), undrained, or lost with a failure; none silently. */
function accountedFor(cell: CellResults): void {
  const d = cell.delivery;
  assert.equal(d.delivered + d.dropped + d.undrained + d.lostInFailures + d.lost, d.generated, JSON.stringify(d));
  assert.equal(d.lost, 0, `no silent loss: ${JSON.stringify(d)}`);
  assert.equal(d.duplicated + d.foreign, 0, JSON.stringify(d));
}

function startOf(r: Run, failure: FailureEvent): number {
  const start = r.starts.find((s) => s.id === failure.id);
  assert.ok(start, `instance ${failure.id} started`);
  return start.at;
}

test('kind: process soaks a real forwarder program: hangs and crashes found within the hang window with their mode, memory, a SIGTERM ignored, pause, kill and back-pressure, every record accounted for', { timeout: 120_000 }, async (t) => {
  const node = process.execPath;
  const args = (extra: string): string => `[${FIXTURE}, --config, '{{config}}', --slot, '{{slot}}'${extra}]`;
  // Three scenarios side by side, as cells would run: TCP lines with deliberate faults; HTTP under pause, kill and
  // a program that refuses its input once it holds too much; standard input in syslog lines, and a program that leaks.
  const [tcp, http, stdin] = await Promise.all([
    run(t, 'tcp', `name: process-tcp
duration: 5s
drain: 3s
instances: 4
failures: { hangWindow: ${HANG_WINDOW_MS}ms }
report: { interval: 1s }
system:
  kind: process
  command: ${node}
  args: ${args(`, --hang-after, '${HANG_AFTER}', --hang-slots, '1', --crash-after, '${CRASH_AFTER}', --crash-slots, '2', --ignore-sigterm, --ignore-sigterm-slots, '3'`)}
  input: { via: tcp, rate: ${RATE}/s }
  shutdownGrace: 1s
${config('{ "via": "tcp", "host": "{{input.host}}", "port": {{input.port}} }')}
`),
    run(t, 'http', `name: process-http
duration: 5s
drain: 3s
instances: 3
seed: 3
failures: { hangWindow: ${HANG_WINDOW_MS}ms }
report: { interval: 1s }
system:
  kind: process
  command: ${node}
  args: ${args(`, --hang-after, '${HANG_AFTER}', --hang-slots, '1'`)}
  input: { via: http, format: ndjson, rate: ${RATE}/s, batch: 20 }
  loopback: true
${config('{ "via": "http", "host": "{{input.host}}", "port": {{input.port}}, "maxHeld": 50 }')}
faults:
  - { kind: pause, at: 200ms, for: 800ms, name: frozen }
  - { kind: kill, at: 2500ms, name: shot }
`),
    run(t, 'stdin', `name: process-stdin
duration: 2s
drain: 3s
instances: 2
failures: { hangWindow: ${HANG_WINDOW_MS}ms, memoryLimit: ${MEMORY_LIMIT_MB}MB }
system:
  kind: process
  command: ${node}
  args: ${args(`, --leak-after, '50', --leak-mb, '${2 * MEMORY_LIMIT_MB}', --leak-slots, '1'`)}
  input: { via: stdin, format: syslog, rate: ${RATE}/s }
${config('{ "via": "stdin" }')}
`),
  ]);

  await t.test('tcp: the hung slot hangs, the crashing slot crashes, each within its window; the others run on', () => {
    const bySlot = (slot: number): FailureEvent[] => tcp.cell.failures.filter((f) => f.slot === slot);
    assert.deepEqual(bySlot(0), [], 'slot 0 has no deliberate fault');
    assert.ok(bySlot(1).length >= 1 && bySlot(2).length >= 1, JSON.stringify(tcp.cell.failures.map((f) => [f.id, f.mode, f.at])));
    for (const f of bySlot(1)) {
      assert.equal(f.mode, 'hang', JSON.stringify(f));
      // It stopped posting: nothing of it in flight on its route (the route's in-flight view).
      assert.equal(f.evidence.requestUnansweredForMs, 0, JSON.stringify(f.evidence));
      // It stops posting once it has read HANG_AFTER records (HANG_AFTER / RATE after its load began, at its
      // start at the latest); the watchdog must wait the hang window from its last delivery, and no longer.
      const start = startOf(tcp, f);
      assert.ok(f.at >= start + HANG_WINDOW_MS, `not before the hang window: ${f.at} vs start ${start}`);
      assert.ok(f.at <= start + (HANG_AFTER / RATE) * 1000 + FLUSH_MS + HANG_WINDOW_MS + SLACK_MS, `within the hang window: ${f.at} vs start ${start}`);
    }
    for (const f of bySlot(2)) {
      assert.equal(f.mode, 'crash', JSON.stringify(f));
      assert.equal(f.evidence.exitCode, 3);
      assert.deepEqual(f.evidence.stderr, [`line-forwarder: deliberate crash after ${CRASH_AFTER} records`], 'its stderr is the evidence');
      assert.ok(f.at <= startOf(tcp, f) + (CRASH_AFTER / RATE) * 1000 + SLACK_MS, `found at once: ${f.at}`);
    }
    // Slot 3 ignores SIGTERM: once, at the stop, a hang of its shutdown.
    assert.deepEqual(bySlot(3).map((f) => [f.mode, String(f.evidence.reason).startsWith('shutdown: the program ignored SIGTERM')]), [['hang', true]]);
    assert.equal(tcp.cell.system.shutdownKills, 1);
    accountedFor(tcp.cell);
    // The hung and crashed programs held records when they failed. At most 4 instances × 5 s × 100/s were due
    // (an instance's load starts when its program opens its input, up to a second before the cell's time does),
    // less the time renewed programs took to start (about a second each).
    assert.ok(tcp.cell.delivery.lostInFailures > 0);
    assert.ok(tcp.cell.delivery.generated >= 4 * RATE * 3 && tcp.cell.delivery.generated <= 4 * RATE * 6.5, `generated ${tcp.cell.delivery.generated}`);
  });

  await t.test('http: back-pressure of a program that refuses its input is measured, pause holds a program, kill ends one', () => {
    const killed = http.cell.failures.filter((f) => String(f.evidence.reason ?? '').includes('killed by the fault'));
    assert.equal(killed.length, 1, JSON.stringify(http.cell.failures));
    assert.equal(killed[0]!.mode, 'crash');
    // The hung program holds 50 records and refuses the rest (503): records wait in duress, counted, not dropped.
    const hangs = http.cell.failures.filter((f) => f.mode === 'hang');
    assert.ok(hangs.length >= 1 && hangs.every((f) => f.slot === 1), JSON.stringify(http.cell.failures));
    assert.ok(hangs.some((f) => Number(f.evidence.owed) > 0), `records owed to the refusing program: ${JSON.stringify(hangs.map((f) => f.evidence))}`);
    assert.ok(http.cell.system.inputRefusals! > 0 && http.cell.system.inputBlockedMs! > 0, JSON.stringify(http.cell.system));
    // The paused program took nothing for 800 ms (its input refused by a stopped process): its records waited that long.
    assert.ok(http.cell.latency.endToEnd.max >= 700, `max latency ${http.cell.latency.endToEnd.max} ms`);
    assert.ok(!http.cell.failures.some((f) => f.faults.some((x) => x.id.includes('frozen')) && f.mode === 'hang' && f.slot !== 1), 'a pause shorter than the hang window is not a hang');
    accountedFor(http.cell);
  });

  await t.test('stdin: syslog lines through standard input; a program whose resident set passes the limit fails on memory', () => {
    const leaks = stdin.cell.failures.filter((f) => f.slot === 1);
    assert.ok(leaks.length >= 1 && stdin.cell.failures.every((f) => f.slot === 1 && f.mode === 'memory'), JSON.stringify(stdin.cell.failures));
    assert.ok(leaks.every((f) => Number(f.evidence.rss) > MEMORY_LIMIT_MB * 2 ** 20), JSON.stringify(leaks.map((f) => f.evidence)));
    const d = stdin.cell.delivery;
    assert.ok(d.generated >= 2 * RATE, `generated ${d.generated}`);
    accountedFor(stdin.cell);
    // Slot 0 never failed: its 2 s of load at 100/s (at least) were all delivered; the rest went with the leaking programs.
    assert.ok(d.delivered >= 2 * RATE, JSON.stringify(d));
    assert.equal(stdin.cell.drained, true);
  });
});
