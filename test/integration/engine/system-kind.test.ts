import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runScenario } from '../../../src/engine/run.js';
import { parseScenarioDocument } from '../../../src/scenario/load.js';
import { expandMatrix } from '../../../src/scenario/matrix.js';
import { systemKinds } from '../../../src/systems/registry.js';
import { toyEchoKind } from '../../fixtures/toy-kind/kind.js';

// A kind from outside src/, registered as a user's module would register it.
systemKinds.register(toyEchoKind);

const HANG_WINDOW_MS = 1500;
const FAULT_AT_MS = 1000;
const FAULT_FOR_MS = 3000;

// The load outlasts the latest the hang may be declared (4.5 s) and the fault (lifted at 4 s).
const SCENARIO = `name: toy
duration: 5s
drain: 2s
instances: 1
failures: { hangWindow: ${HANG_WINDOW_MS}ms }
report: { interval: 1s }
system: { kind: toy-echo, rate: 50 }
faults:
  - { kind: timeout, name: swallow, at: ${FAULT_AT_MS}ms, for: ${FAULT_FOR_MS}ms, timeout: 0s, link: echo }
`;

test('a system kind registered from outside src/ runs in a scenario: its link takes a fault, the watchdog declares its hang, the results count it', { timeout: 90_000 }, async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'duress-toy-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const { scenario, data } = parseScenarioDocument(SCENARIO, 'toy.yaml');
  assert.equal(scenario.system.kind, 'toy-echo');
  const results = await runScenario(scenario, expandMatrix(data, scenario, 'toy.yaml'), { file: 'toy.yaml', dir });
  const cell = results.cells[0]!;
  const hangs = cell.failures.filter((f) => f.mode === 'hang');
  t.diagnostic(JSON.stringify(cell.failures.map((f) => ({ id: f.id, at: f.at, mode: f.mode, faults: f.faults.map((x) => x.description) }))));
  assert.ok(hangs.length >= 1, 'the swallowed link is a hang');
  const first = hangs[0]!;
  assert.equal(first.id, 'c0s0g0', 'the first instance hung');
  assert.equal(first.faults.length, 1, 'the hang carries the fault active on its link');
  assert.match(first.faults[0]!.id, /swallow/);
  // The window counts from the last echo, which came just before the fault took hold (a line every 20 ms;
  // 500 ms of slack for a loaded machine), and the hang is declared soon after it ends (generous bound).
  assert.ok(first.at >= FAULT_AT_MS + HANG_WINDOW_MS - 500, `hang declared at ${first.at} ms`);
  assert.ok(first.at <= FAULT_AT_MS + HANG_WINDOW_MS + 2000, `hang declared at ${first.at} ms`);
  // A fresh instance took the slot; once the fault is lifted the echoes flow again.
  assert.ok(cell.delivery.generated > 0 && cell.delivery.delivered > 0);
  assert.ok(cell.delivery.lostInFailures > 0, 'what the hung instance had in flight is lost with it');
  assert.equal(cell.htf.overall.failures, cell.failures.length);
});

test('registering a kind twice, or asking for one never registered, is a clear error; a scenario naming an unknown kind is refused', () => {
  assert.throws(() => systemKinds.register(toyEchoKind), /the system kind toy-echo is already registered/);
  // Every registered kind is named, the built-in ones first and the toy last, as registered.
  const names = systemKinds.names();
  assert.deepEqual([names[0], names.at(-1)], ['forwarder', 'toy-echo']);
  assert.throws(() => systemKinds.get('nope'), (err: Error) => err.message.includes(`no system kind is registered as "nope" (registered: ${names.join(', ')})`));
  assert.throws(() => parseScenarioDocument('name: x\nduration: 1s\nsystem: { kind: nope }\n', 'x.yaml'), /system\.kind/);
  // Its links are its own: a fault names one of them, and no other.
  const withLink = (link: string): string => `name: x\nduration: 1s\nsystem: { kind: toy-echo }\nfaults:\n  - { kind: latency, latency: 1s, link: ${link} }\n`;
  assert.equal(parseScenarioDocument(withLink('echo'), 'x.yaml').scenario.faults[0]?.kind, 'latency');
  assert.throws(() => parseScenarioDocument(withLink('sink'), 'x.yaml'), /faults\[0\]\.link: expected one of echo \(the toy has one link, echo\), got "sink"/);
  assert.throws(() => parseScenarioDocument(`${withLink('echo')}  - { kind: dns-stall }\n`, 'x.yaml'), /faults\[1\]\.kind: dns-stall acts on an instance's DNS lookups of its sink; a toy echo makes none/);
});
