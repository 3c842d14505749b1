import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ExitCode, formatProblem, InputError, ScenarioError, type ScenarioProblem } from '../../../src/core/errors.js';
import { loadScenario, parseScenario } from '../../../src/scenario/load.js';

/** The problems parseScenario reports for `text`; fails the test when it accepts it. */
function problemsOf(text: string, file = 'test.yaml'): ScenarioProblem[] {
  try {
    parseScenario(text, file);
  } catch (err) {
    assert.ok(err instanceof ScenarioError, `expected a ScenarioError, got ${String(err)}`);
    assert.equal(err.exitCode, ExitCode.badInput);
    return err.problems;
  }
  assert.fail('the scenario was accepted');
}

const THREE_PROBLEMS = `# yaml-language-server: $schema=../schema/scenario.schema.json
name: three-problems
duration: 2h
instances: ten
system:
  kind: forwarder
  input:
    rate: 2000/s
  flsh: 1s
  net:
    connectTimeout: 10 sec
`;

test('a misspelt key, a bad unit and a wrong type are all reported, each at its line', () => {
  const problems = problemsOf(THREE_PROBLEMS, 'three.yaml');
  assert.deepEqual(
    problems.map((p) => [p.line, p.path]),
    [
      [4, 'instances'],
      [9, 'system.flsh'],
      [11, 'system.net.connectTimeout'],
    ],
  );
  const [type, key, unit] = problems as [ScenarioProblem, ScenarioProblem, ScenarioProblem];
  assert.equal(type.message, 'expected a number, got string "ten"');
  assert.equal(key.message, 'unknown key "flsh"; did you mean "flush"?');
  assert.equal(unit.message, 'expected a duration such as 500ms, 10s or 2h, got "10 sec"');
  assert.equal(formatProblem(key), 'three.yaml:9:3 system.flsh: unknown key "flsh"; did you mean "flush"?');
  assert.equal(formatProblem(unit), 'three.yaml:11:21 system.net.connectTimeout: expected a duration such as 500ms, 10s or 2h, got "10 sec"');
  assert.equal(formatProblem(type), 'three.yaml:4:12 instances: expected a number, got string "ten"');
});

test('the error message lists every problem, one per line', () => {
  assert.throws(
    () => parseScenario(THREE_PROBLEMS, 'three.yaml'),
    (err: unknown) => err instanceof ScenarioError && err.message.startsWith('3 problems in scenario:\n') && err.message.split('\n').length === 4,
  );
});

test('enum values say what was allowed, and suggest the closest', () => {
  const [p] = problemsOf('name: x\nduration: 1h\nsystem:\n  kind: forwarder\n  input: { rate: 5/s }\n  scheduler:\n    kind: asynk\n');
  assert.equal(p?.line, 7);
  assert.equal(p?.path, 'system.scheduler.kind');
  assert.equal(p?.message, 'expected one of async, sync-minimal, sync-legacy, got "asynk"; did you mean "async"?');
});

test('an unknown system kind names the kinds there are', () => {
  const [p] = problemsOf('name: x\nduration: 1h\nsystem:\n  kind: brokr\n');
  assert.equal(p?.line, 4);
  assert.equal(p?.path, 'system.kind');
  assert.match(p?.message ?? '', /^expected one of forwarder, broker, module, process, http, got "brokr"; did you mean "broker"\?/);
});

test('an unknown key with no close match lists the valid keys', () => {
  const [p] = problemsOf('name: x\nduration: 1h\nsystem: { kind: forwarder, input: { rate: 5/s } }\nclock: { tempo: 2 }\n');
  assert.equal(p?.path, 'clock.tempo');
  assert.equal(p?.line, 4);
  assert.equal(p?.message, 'unknown key "tempo"; expected one of speed');
});

test('Fluent Bit spellings of a key are matched to ours', () => {
  const [p] = problemsOf('name: x\nduration: 1h\nsystem:\n  kind: forwarder\n  input: { rate: 5/s }\n  Mem_Limit: 64MB\n');
  assert.equal(p?.message, 'unknown key "Mem_Limit"; did you mean "memLimit"?');
});

test('a missing key points at its parent mapping; a missing root key has no line', () => {
  const problems = problemsOf('name: x\nsystem:\n  kind: forwarder\n');
  assert.deepEqual(
    problems.map((p) => [p.line, p.path, p.message]),
    [
      [0, 'duration', 'required key is missing; expected a duration such as 500ms, 10s or 2h'],
      [2, 'system.input', 'required key is missing; expected a mapping'],
    ],
  );
  assert.equal(formatProblem(problems[0] as ScenarioProblem), 'test.yaml duration: required key is missing; expected a duration such as 500ms, 10s or 2h');
});

test('values out of range and plain-number durations are refused', () => {
  const problems = problemsOf(
    'name: x\nduration: 0\ninstances: 0\nsystem:\n  kind: forwarder\n  input: { rate: 5/s }\n  flush: 1000\n  scheduler: { base: 10s, cap: 5s }\nfailures: { confidence: 1 }\n',
  );
  assert.deepEqual(
    problems.map((p) => [p.line, p.path]),
    [
      [2, 'duration'],
      [3, 'instances'],
      [7, 'system.flush'],
      [8, 'system.scheduler.cap'],
      [9, 'failures.confidence'],
    ],
  );
  assert.equal(problems[0]?.message, 'expected a duration longer than 0');
  assert.equal(problems[1]?.message, 'expected 1 or more, got 0');
  assert.match(problems[2]?.message ?? '', /got 1000: a duration needs a unit/);
  assert.equal(problems[3]?.message, 'expected a cap at least as long as base');
  assert.equal(problems[4]?.message, 'expected less than 1, got 1');
});

test('a YAML syntax error is reported with its line', () => {
  const problems = problemsOf('name: x\nduration: 1h\nsystem:\n  kind: [forwarder\n  input: 1\n');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.line, 5);
  assert.match(problems[0]?.message ?? '', /^not valid YAML: /);
});

test('a file that is not YAML at all (Markdown) is one problem: its first syntax error, and how many followed', () => {
  const markdown = '# duress\n\nA load tester.\nIt: does: things\n\n```sh\nnpm install\n```\n\n| a | b |\n| --- | --- |\n';
  const problems = problemsOf(markdown);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.line, 3);
  assert.match(problems[0]?.message ?? '', /^not valid YAML: .+ \(and \d+ more syntax errors after it, often caused by this one\)$/);
});

test('tabs, duplicate keys and several documents are syntax problems with lines', () => {
  assert.equal(problemsOf('name: x\n\tduration: 1h\n')[0]?.line, 2);
  const [dup] = problemsOf('name: x\nduration: 1h\nname: y\n');
  assert.equal(dup?.line, 3);
  assert.match(dup?.message ?? '', /each key may appear once/);
  const [docs] = problemsOf('name: x\n---\nname: y\n');
  assert.equal(docs?.message, 'expected one YAML document, found several (separated by ---)');
});

test('a document that is not a mapping is one clear problem', () => {
  const list = problemsOf('- name: x\n- name: y\n');
  assert.equal(list.length, 1);
  assert.equal(list[0]?.message, 'not a scenario: expected a mapping of keys such as name, duration and system, got a list');
  const scalar = problemsOf('just some text\n');
  assert.equal(scalar.length, 1);
  assert.match(scalar[0]?.message ?? '', /got a single value \("just some text"\)$/);
  const empty = problemsOf('# nothing here\n');
  assert.equal(empty.length, 1);
  assert.match(empty[0]?.message ?? '', /^the file is empty/);
  const binary = problemsOf('\u0000\u0001\u0002');
  assert.equal(binary[0]?.message, 'not a YAML file: it contains binary data');
});

test('loadScenario: a missing file is one InputError line, exit code 2', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'duress-load-'));
  try {
    const file = path.join(dir, 'x.yaml');
    await assert.rejects(loadScenario(file), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.message, `cannot read scenario file ${file}: no such file`);
      assert.equal(err.exitCode, ExitCode.badInput);
      return true;
    });
    await assert.rejects(loadScenario(dir, { displayName: 'folder' }), { message: 'cannot read scenario file folder: it is a folder, not a file' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loadScenario reads, validates and names the file in problems', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'duress-load-'));
  try {
    const good = path.join(dir, 'good.yaml');
    writeFileSync(good, 'name: good\nduration: 10m\nsystem: { kind: forwarder, input: { rate: 100/s } }\n');
    const scenario = await loadScenario(good);
    assert.equal(scenario.duration, 600_000);
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, THREE_PROBLEMS);
    await assert.rejects(loadScenario(bad, { displayName: 'bad.yaml' }), (err: unknown) => {
      assert.ok(err instanceof ScenarioError);
      assert.ok(err.problems.every((p) => p.file === 'bad.yaml'));
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a key valid elsewhere is shown where it belongs', () => {
  const problems = problemsOf('name: x\nduration: 1h\nkeepalive: off\nsystem:\n  kind: forwarder\n  input: { rate: 1/s }\n  retry_limit: 3\n');
  assert.deepEqual(
    problems.map((p) => [p.line, p.path, p.message]),
    [
      [3, 'keepalive', 'unknown key "keepalive" here; did you mean system.net.keepalive?'],
      [7, 'system.retry_limit', 'unknown key "retry_limit" here; did you mean system.scheduler.retryLimit?'],
    ],
  );
});
