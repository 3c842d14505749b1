import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError, parseScenario, ScenarioError } from '../../../../src/index.js';

const system = (extra = '', input = '{ via: tcp, rate: 10/s }', args = "[-c, '{{config}}']"): string => `
name: p
duration: 10s
system:
  kind: process
  command: node
  args: ${args}
  input: ${input}
  config: { template: 'listen {{input.host}}:{{input.port}} to {{sink.url}}' }
${extra}`;

/** The problems of a scenario that does not validate, as `path: message` lines. */
function problems(text: string): string[] {
  try {
    parseScenario(text);
  } catch (err) {
    if (err instanceof ScenarioError) return err.problems.map((p) => `${p.path}: ${p.message}`);
    throw err;
  }
  assert.fail('the scenario validated');
}

test('kind: process resolves its command on PATH, fills defaults, and renders nothing it does not know', () => {
  const { scenario } = parseScenario(system());
  const s = scenario.system as unknown as { command: string; input: { format: string; port: number }; shutdownGrace: number; config: { file: string } };
  assert.match(s.command, /\/node$/, 'a bare name is found on PATH');
  assert.equal(s.input.format, 'lines');
  assert.equal(s.shutdownGrace, 5000);
  assert.equal(s.config.file, 'config');
});

test('kind: process: a scaled clock is refused, and the message says why', () => {
  assert.throws(
    () => parseScenario(system('clock: { speed: 10 }')),
    (err: unknown) => err instanceof InputError && /clock\.speed 10 cannot apply to a process: a real program runs on the wall clock/.test(err.message),
  );
});

test('kind: process: every problem at its place: unknown placeholders, placeholders of another input, a missing program, DNS faults it cannot see', () => {
  assert.deepEqual(problems(system('', '{ via: tcp, rate: 10/s }', "['{{slott}}']")).map((p) => p.split(';')[0]), ['system.args[0]: unknown placeholder {{slott}}']);
  assert.deepEqual(problems(system('', '{ via: stdin, rate: 10/s }')), ['system.config: {{input.host}} is for input via tcp or http, not stdin']);
  assert.deepEqual(problems(system('', '{ via: http, format: syslog, rate: 10/s }')), ['system.input.format: expected ndjson or json for input via http, got syslog']);
  assert.deepEqual(problems(system().replace('command: node', 'command: no-such-program-here')).map((p) => p.split(' (')[0]), ['system.command: no program no-such-program-here on PATH']);
  const dns = problems(system('faults: [{ kind: dns-stall, at: 1s, for: 1s }]'));
  assert.equal(dns.length, 1);
  assert.match(dns[0]!, /^faults\[0\]\.kind: dns-stall acts on .*a process resolves names with its own resolver.*system\.dns: true/);
  // With dns: true, the DNS fault is taken, and so are the placeholders of the resolver.
  assert.doesNotThrow(() => parseScenario(system('faults: [{ kind: dns-stall, at: 1s, for: 1s }]').replace('kind: process', "kind: process\n  dns: true\n  env: { RESOLVER: '{{dns.host}}:{{dns.port}}' }")));
  assert.deepEqual(problems(system().replace('kind: process', "kind: process\n  env: { RESOLVER: '{{dns.host}}' }")), ['system.env.RESOLVER: {{dns.host}} needs system.dns: true']);
  assert.deepEqual(problems(system().replace('kind: process', 'kind: process\n  routePort: 443')), ['system.routePort: a fixed route port needs loopback: true (every instance then has an address of its own)']);
  assert.deepEqual(problems(system().replace('kind: process', 'kind: process\n  resolvConf: true')), ['system.resolvConf: needs system.dns: true (the program must reach the sink by its name, {{sink.host}}, to resolve it)']);
});
