import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Compiled to dist/test/cli/: the repository root is three folders up. Needs `npm run build` first.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
let dir = '';

function duress(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
}

const GOOD = `# yaml-language-server: $schema=../schema/scenario.schema.json
name: good
duration: 2h
instances: 4
clock: { speed: 60 }
system:
  kind: forwarder
  input: { rate: 20/s }
matrix:
  keepalive: { on: {}, off: {} }
  build: { patch: {}, no-patch: {} }
`;

const BAD = `name: bad
duration: 2h
instances: ten
system:
  kind: forwarder
  input: { rate: 2000/s }
  flsh: 1s
  net:
    connectTimeout: 10 sec
`;

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'duress-validate-'));
  writeFileSync(path.join(dir, 'good.yaml'), GOOD);
  writeFileSync(path.join(dir, 'bad.yaml'), BAD);
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('validate: a good scenario prints a one-line summary and exits 0', () => {
  const r = duress('validate', 'good.yaml');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'ok: good.yaml (good, 4 instances, duration 2h, speed 60, 4 cells)\n');
  assert.equal(r.status, 0);
});

test('validate: a matrix value that sets instances shows the smallest and largest cell', () => {
  // The later dimension wins where both set it: patch cells 12, no-patch 4, except keepalive=off's 2.
  const sized = GOOD.replace('keepalive: { on: {}, off: {} }', 'keepalive: { on: {}, off: { instances: 2 } }').replace('build: { patch: {}, no-patch: {} }', 'build: { patch: { instances: 12 }, no-patch: {} }');
  writeFileSync(path.join(dir, 'sized.yaml'), sized);
  const r = duress('validate', 'sized.yaml');
  assert.equal(r.stdout, 'ok: sized.yaml (good, 2 to 12 instances per cell, duration 2h, speed 60, 4 cells)\n');
  assert.equal(r.status, 0);
});

test('validate: a bad scenario lists every problem with its line and exits 2', () => {
  const r = duress('validate', 'bad.yaml');
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    [
      'duress: 3 problems in scenario:',
      'bad.yaml:3:12 instances: expected a number, got string "ten"',
      'bad.yaml:7:3 system.flsh: unknown key "flsh"; did you mean "flush"?',
      'bad.yaml:9:21 system.net.connectTimeout: expected a duration such as 500ms, 10s or 2h, got "10 sec"',
      '',
    ].join('\n'),
  );
});

test('validate: a missing file is one line, exit 2', () => {
  const r = duress('validate', 'x.yaml');
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'duress: cannot read scenario file x.yaml: no such file\n');
});

test('validate: a file that is not YAML is one line that says where the parser gave up, exit 2', () => {
  writeFileSync(path.join(dir, 'notes.md'), '# notes\n\nSome prose.\nIt: has: colons\n\n```sh\nnpm test\n```\n');
  const markdown = duress('validate', 'notes.md');
  assert.equal(markdown.status, 2);
  assert.match(markdown.stderr, /^duress: notes\.md:\d+:\d+: not valid YAML: [^\n]+ \(and \d+ more syntax errors? after it, often caused by this one\)\n$/);
  writeFileSync(path.join(dir, 'binary.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]));
  const binary = duress('validate', 'binary.yaml');
  assert.equal(binary.status, 2);
  assert.equal(binary.stderr, 'duress: binary.yaml: not a YAML file: it contains binary data\n');
});

test('validate --set: overrides apply before validation; a bad one is named by its key path', () => {
  const fixed = duress('validate', 'good.yaml', '--set', 'duration=30m', '--set', 'system.net.keepalive=off');
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.match(fixed.stdout, /duration 30m/);
  const bad = duress('validate', 'good.yaml', '--set', 'system.net.keepalive=maybe');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^duress: --set system\.net\.keepalive: expected true or false/);
  const malformed = duress('validate', 'good.yaml', '--set', 'keepalive');
  assert.equal(malformed.status, 2);
  assert.match(malformed.stderr, /--set expects key\.path=value, got "keepalive"/);
});

test('validate: several files are all checked; any problem means exit 2', () => {
  const r = duress('validate', 'good.yaml', 'bad.yaml');
  assert.equal(r.status, 2);
  assert.match(r.stdout, /^ok: good\.yaml/);
  assert.match(r.stderr, /^duress: 3 problems in scenario:/);
});

test('schema prints the committed JSON Schema', () => {
  const r = duress('schema');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, readFileSync(path.join(root, 'schema', 'scenario.schema.json'), 'utf8'));
});

test('validate: a scenario that plainly exceeds this machine is valid, with a warning on stderr', () => {
  // 1000 instances in each of 2 cells, 8 forwarder instances to a worker thread by default: 125 worker
  // threads per cell, far beyond 8 per core on any machine with fewer than 32 cores.
  writeFileSync(
    path.join(dir, 'big.yaml'),
    'name: big\nduration: 1m\ninstances: 1000\nsystem:\n  kind: forwarder\n  input: { rate: 1/s }\nmatrix:\n  variant: { a: {}, b: {} }\n',
  );
  const r = duress('validate', 'big.yaml');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'ok: big.yaml (big, 1000 instances, duration 1m, 2 cells)\n');
  assert.match(r.stderr, /^duress: warning: big\.yaml: 250 worker threads \(2 cells, side by side\) on \d+ cores?: this machine keeps up with about \d+ \(8 per core\)/);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
});
