import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatProblem, ScenarioError } from '../../../src/core/errors.js';
import { applyOverrides, INSTANCES_FLAG, parseScenario, parseScenarioDocument, validateScenarioData } from '../../../src/scenario/load.js';
import { expandMatrix } from '../../../src/scenario/matrix.js';
import { parseKeyPath } from '../../../src/scenario/overrides.js';
import { forwarderOf } from '../../helpers/forwarder-of.js';

const BASE = `name: base
duration: 1h
system:
  kind: forwarder
  input: { rate: 100/s }
  net:
    keepalive: true
faults:
  - kind: latency
    at: 5m
    latency: 1s
`;

test('--set overrides are applied before validation, values read as YAML', () => {
  const s = parseScenario(BASE, 'base.yaml', [
    { path: 'system.net.keepalive', value: 'false' },
    { path: 'duration', value: '30s' },
    { path: 'instances', value: '4' },
    { path: 'system.scheduler.kind', value: 'sync-minimal' },
    { path: 'faults[0].at', value: '10m' },
    { path: 'thresholds', value: '[lost == 0, p99 < 2s]' },
    { path: 'report', value: '{ formats: [json] }' },
  ]);
  assert.equal(forwarderOf(s).net.keepalive, false);
  assert.equal(s.duration, 30_000);
  assert.equal(s.instances, 4);
  assert.equal(forwarderOf(s).scheduler.kind, 'sync-minimal');
  assert.equal(s.faults[0]?.at, 600_000);
  assert.deepEqual(s.thresholds, ['lost == 0', 'p99 < 2s']);
  assert.deepEqual(s.report.formats, ['json']);
});

test('an override can fix a bad value in the file, and set into an empty mapping', () => {
  const text = 'name: x\nduration: 10 sec\nsystem:\n  kind: forwarder\n  input: { rate: 1/s }\n  net:\n';
  const s = parseScenario(text, 'x.yaml', [
    { path: 'duration', value: '10s' },
    { path: 'system.net.keepalive', value: 'off' },
  ]);
  assert.equal(s.duration, 10_000);
  assert.equal(forwarderOf(s).net.keepalive, false);
});

test('a bad override is reported as --set key.path, beside the file problems', () => {
  const text = 'name: x\nduration: 1h\nsystem:\n  kind: forwarder\n  input: { rate: 1/s }\n  flush: 2 s\n';
  assert.throws(
    () =>
      parseScenario(text, 'x.yaml', [
        { path: 'system.net.keepalive', value: 'maybe' },
        { path: 'system.flsh', value: '1s' },
        { path: 'name.first', value: 'a' },
        { path: 'a..b', value: '1' },
        { path: 'seed', value: '[1,' },
        { path: 'faults.kind', value: 'down' },
      ]),
    (err: unknown) => {
      assert.ok(err instanceof ScenarioError);
      assert.deepEqual(err.problems.map(formatProblem), [
        'x.yaml:6:10 system.flush: expected a duration such as 500ms, 10s or 2h, got "2 s"',
        '--set name.first: cannot set a key inside name: it is a single value, not a mapping or list',
        '--set a..b: expected a key path such as system.net.keepalive or faults[0].at',
        '--set seed: value "[1," is not valid YAML: Flow sequence must end with a ]',
        '--set system.net.keepalive: expected true or false (on/off and yes/no work too), got "maybe"',
        '--set system.flsh: unknown key "flsh"; did you mean "flush"?',
        '--set faults: expected a list, got a mapping',
      ]);
      return true;
    },
  );
});

test('parseKeyPath reads dots and list indexes', () => {
  assert.deepEqual(parseKeyPath('system.net.keepalive'), ['system', 'net', 'keepalive']);
  assert.deepEqual(parseKeyPath('faults[0].at'), ['faults', 0, 'at']);
  assert.deepEqual(parseKeyPath('faults.1.at'), ['faults', 1, 'at']);
  assert.equal(parseKeyPath('a..b'), undefined);
  assert.equal(parseKeyPath('a[x]'), undefined);
  assert.equal(parseKeyPath('.a'), undefined);
});

test('applyOverrides deep-merges mappings, replaces lists and values, reads dotted keys, changes nothing in place', () => {
  const raw = { name: 'x', system: { kind: 'forwarder', net: { keepalive: true, stack: 'async' } }, thresholds: ['a'] };
  const snapshot = structuredClone(raw);
  const merged = applyOverrides(raw, { system: { net: { keepalive: false } }, 'system.scheduler.kind': 'sync-minimal', thresholds: ['b'] });
  assert.deepEqual(merged, {
    name: 'x',
    system: { kind: 'forwarder', net: { keepalive: false, stack: 'async' }, scheduler: { kind: 'sync-minimal' } },
    thresholds: ['b'],
  });
  assert.deepEqual(raw, snapshot);
});

test('validateScenarioData checks data without a file (a matrix cell)', () => {
  const raw = { name: 'cell', duration: '1h', system: { kind: 'forwarder', input: { rate: '1/s' } } };
  assert.equal(forwarderOf(validateScenarioData(applyOverrides(raw, { 'system.net.keepalive': 'off' }), 'cell keepalive=off')).net.keepalive, false);
  assert.throws(() => validateScenarioData(applyOverrides(raw, { 'system.flush': 5 }), 'cell x'), /cell x system\.flush: expected a duration/);
});

test('--set into a list needs an index', () => {
  assert.throws(() => parseScenario(BASE, 'base.yaml', [{ path: 'faults.kind', value: 'down' }]), {
    message: /--set faults\.kind: faults is a list: name an item by its index, such as faults\[0\]/,
  });
});

test('--instances sets every cell, a matrix value\'s own count included; --set instances only the base', () => {
  const text = `${BASE}instances: 4\nmatrix:\n  variant:\n    patch: { instances: 12 }\n    no-patch: {}\n`;
  const counts = (overrides: Parameters<typeof parseScenarioDocument>[2]): number[] => {
    const { scenario, data } = parseScenarioDocument(text, 'sized.yaml', overrides);
    return expandMatrix(data, scenario, 'sized.yaml').map((c) => c.scenario.instances);
  };
  assert.deepEqual(counts([]), [12, 4]);
  assert.deepEqual(counts([{ path: 'instances', value: '7' }]), [12, 7]);
  assert.deepEqual(counts([{ path: 'instances', value: '7', flag: INSTANCES_FLAG }]), [7, 7]);
});
