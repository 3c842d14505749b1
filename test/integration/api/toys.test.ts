import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parse as parseJunit } from 'junit2json';
import { formatProblem, parseScenario, reportFormatNames, runScenario, ScenarioError, type ReportModel } from '../../../src/index.js';
// A toy of each extension point, each registered from outside src/ through the public API by importing it.
import '../../fixtures/toys/toy-toxic.js';
import '../../fixtures/toys/toy-sink.js';
import '../../fixtures/toys/toy-kind.js';
import { toyCsv } from '../../fixtures/toys/toy-renderer.js';
import { htmlText } from '../../helpers/report-readers.js';

const root = mkdtempSync(path.join(tmpdir(), 'duress-toys-'));
after(() => rmSync(root, { recursive: true, force: true }));

const RATE = 10; // records per second per instance
const DURATION_MS = 5000; // the stall ends at 3.5 s and its hang is declared by 4.5 s: the load outlasts both
const INSTANCES = 2;
const HANG_WINDOW_MS = 1500;
const GAP_MS = 50;
const STALL_AT_MS = 1000;
const STALL_FOR_MS = 2500;

// The toy toxic on every instance's link for the whole run, the toy sink's stall on one instance.
const SCENARIO = `name: toys
seed: 13
duration: ${DURATION_MS}ms
drain: 3s
instances: ${INSTANCES}
failures: { hangWindow: ${HANG_WINDOW_MS}ms }
system: { kind: toy-lines, rate: ${RATE}/s }
sink: { kind: toy-tcp }
report: { interval: 1s, formats: [terminal, markdown, html, json, junit, toy-csv] }
faults:
  - { kind: toy_drip, name: drip, gap: ${GAP_MS}ms, stream: upstream }
  - { kind: toy-sink-stall, name: stall, at: ${STALL_AT_MS}ms, for: ${STALL_FOR_MS}ms, instances: 1 }
`;

test('a toy toxic, sink, system kind and report format, registered through the public API, run in one scenario with faults, the watchdog and every report', { timeout: 120_000 }, async (t) => {
  assert.ok(reportFormatNames().includes('toy-csv'), 'the toy format is registered');
  const loaded = parseScenario(SCENARIO, { name: 'toys.yaml' });
  const out = path.join(root, 'run');
  let terminal = '';
  const { results, report } = await runScenario(loaded, { out, reports: { terminal: { write: (text) => (terminal += text) } } });
  const cell = results.cells[0]!;
  t.diagnostic(JSON.stringify({ failures: cell.failures.map((f) => ({ id: f.id, at: f.at, mode: f.mode })), delivery: cell.delivery, sink: cell.sink, faults: cell.faults }));

  // The stall hit one slot; that slot's first instance hung, with the stall attached. No other slot failed.
  // (Its replacement starts under the stall's last second, less than the hang window: it should not hang,
  // but on a machine slow enough to be late by more than half a second, it may, and that is no error.)
  const stall = cell.faults.find((f) => f.kind === 'toy-sink-stall');
  assert.ok(stall && !stall.error, 'the toy sink fault was applied');
  assert.equal(stall.slots.length, 1);
  const slot = stall.slots[0]!;
  assert.deepEqual(cell.failures[0] && [cell.failures[0].id, cell.failures[0].mode], [`c0s${slot}g0`, 'hang']);
  assert.ok(
    cell.failures.every((f) => f.mode === 'hang' && f.slot === slot),
    'every failure is a hang of the stalled slot',
  );
  const hangs = cell.failures.length;
  const hang = cell.failures[0]!;
  assert.ok(hang.faults.some((f) => f.id.startsWith('stall/')), `the hang carries the stall: ${JSON.stringify(hang.faults)}`);
  // The window counts from the last delivery, just before the stall (a record every 100 ms plus the 50 ms gap;
  // 500 ms of slack), and the watchdog declares it soon after it runs out (a generous bound for a loaded machine).
  assert.ok(hang.at >= STALL_AT_MS + HANG_WINDOW_MS - 500 && hang.at <= STALL_AT_MS + HANG_WINDOW_MS + 2000, `hang declared at ${hang.at} ms`);

  // The toy toxic held the end of every line: end-to-end latency includes its gap (loopback alone is ~1 ms).
  const drip = cell.faults.find((f) => f.kind === 'toy_drip');
  assert.equal(drip?.description, `toy_drip ${GAP_MS}ms upstream`);
  assert.ok(cell.latency.endToEnd.p50 >= GAP_MS, `p50 ${cell.latency.endToEnd.p50} ms with a ${GAP_MS} ms gap`);

  // Delivery, against the toy sink's own count of the lines it read (per channel, i.e. per slot).
  const byChannel = (cell.sink as { records: Record<string, number> }).records;
  const read = Object.values(byChannel).reduce((a, b) => a + b, 0);
  const d = cell.delivery;
  assert.equal(d.delivered + d.duplicateCopies, read, 'every line the sink read is a record delivered');
  assert.deepEqual([d.lost, d.dropped, d.undrained, d.duplicated, d.reordered, d.foreign], [0, 0, 0, 0, 0, 0], 'nothing lost, dropped or held by the instances that did not fail');
  assert.equal(d.generated, d.delivered + d.lostInFailures, 'only the hung instance lost records');
  // The slot that never failed made a record every 1/RATE s for the whole load (and a few before the cell's
  // time started, while the other instance booted), and the sink read every one of them.
  const clean = byChannel[`toy-${1 - slot}`] ?? 0;
  // (A timer firing late on a loaded machine may leave the last record or two of the load unmade.)
  assert.ok(clean >= (RATE * (DURATION_MS - 300)) / 1000 && clean <= (RATE * (DURATION_MS + 3000)) / 1000, `the clean slot delivered ${clean}`);
  assert.equal(cell.drained, true);

  // Every report is written, and every one shows the hang with its fault.
  assert.deepEqual(readdirSync(out).sort(), ['journal.jsonl', 'junit.xml', 'report.html', 'report.json', 'report.md', 'results.json', 'toy-cells.csv']);
  const instance = `c0s${slot}g0`;
  const markdown = readFileSync(path.join(out, 'report.md'), 'utf8');
  const html = htmlText(readFileSync(path.join(out, 'report.html'), 'utf8'));
  for (const [name, text] of [['terminal', terminal], ['markdown', markdown], ['html', html]] as const) {
    assert.match(text, new RegExp(`${instance}[^\\n]*hang`), `${name} lists the hang of ${instance}`);
    assert.match(text, /toy-sink-stall/, `${name} names the stall`);
  }
  const json = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as ReportModel;
  assert.deepEqual(
    json.failures.map((f) => [f.instance, f.mode, f.faults.some((x) => x.startsWith('toy-sink-stall'))])[0],
    [instance, 'hang', true],
  );
  assert.equal(json.failures.length, hangs);
  assert.deepEqual(json, JSON.parse(JSON.stringify(report)), 'report.json is the report model');
  const junit = await parseJunit(readFileSync(path.join(out, 'junit.xml'), 'utf8'));
  assert.match(JSON.stringify(junit), new RegExp(`${instance} hang: .*toy-sink-stall`));
  // The toy format: its file is what its render function makes of the model, and it counts the one hang.
  const csv = readFileSync(path.join(out, 'toy-cells.csv'), 'utf8');
  assert.equal(csv, toyCsv(report));
  const [head, row, ...rest] = csv.trimEnd().split('\n').map((line) => line.split(','));
  assert.deepEqual(rest, []);
  const column = (name: string): string => row![head!.indexOf(name)]!;
  assert.deepEqual([column('cell'), column('failures'), column('hangs'), column('lost')], ['default', String(hangs), String(hangs), '0']);
  assert.equal(Number(column('delivered')), d.delivered);
});

/** The problems of a scenario that must not load, as `duress validate` prints them. */
function problemsOf(text: string): string[] {
  try {
    parseScenario(text, { name: 'x.yaml' });
  } catch (err) {
    assert.ok(err instanceof ScenarioError, String(err));
    return err.problems.map(formatProblem);
  }
  assert.fail('the scenario was accepted');
}

test('the toys are checked in scenarios like the built-in kinds: their fields, their sink, their faults', () => {
  const head = 'name: x\nduration: 10s\ninstances: 1\n';
  const toy = `${head}system: { kind: toy-lines }\nsink: { kind: toy-tcp }\n`;
  const loaded = parseScenario(toy, { name: 'x.yaml' });
  assert.deepEqual(loaded.scenario.system, { kind: 'toy-lines', rate: 10 }, "the toy kind's default rate, 10/s");
  assert.deepEqual(loaded.scenario.sink, { kind: 'toy-tcp' });
  assert.deepEqual(problemsOf(`${head}system: { kind: toy-lines, rate: fast }\nsink: { kind: toy-tcp }\n`), ['x.yaml:4:34 system.rate: expected a rate such as 2000/s, 120/m or 10/h, got "fast"']);
  assert.deepEqual(problemsOf(`${head}system: { kind: toy-lines }\nsink: { kind: cloudwatch }\n`), ['x.yaml:5:15 sink.kind: expected toy-tcp (a toy line writer writes to a toy-tcp sink), got "cloudwatch"']);
  assert.deepEqual(problemsOf(`${toy}faults:\n  - { kind: toy_drip, gap: soon }\n`), ['x.yaml:7:28 faults[0].gap: expected a duration such as 500ms, 10s or 2h, got "soon"']);
  // A sink's own fault belongs to its sink: the toy's is refused where the system writes to CloudWatch, and the
  // CloudWatch sink's where it writes to the toy sink.
  const forwarder = `${head}system: { kind: forwarder, input: { rate: 10/s } }\nfaults:\n  - { kind: toy-sink-stall }\n`;
  assert.deepEqual(problemsOf(forwarder), ['x.yaml:6:13 faults[0].kind: toy-sink-stall is a fault of the toy-tcp sink; a forwarder writes to a cloudwatch sink']);
  assert.deepEqual(problemsOf(`${toy}faults:\n  - { kind: sink-throttle }\n`), ['x.yaml:7:13 faults[0].kind: sink-throttle is a fault of the cloudwatch sink; a toy line writer writes to a toy-tcp sink']);
  assert.equal(parseScenario(`${toy}faults:\n  - { kind: toy-sink-stall, at: 1s, for: 2s }\n`, { name: 'x.yaml' }).scenario.faults[0]?.kind, 'toy-sink-stall');
});
