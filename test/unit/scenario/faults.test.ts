import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScenarioError, formatProblem } from '../../../src/core/errors.js';
import { toDnsFault } from '../../../src/faults/dns-fault-kinds.js';
import { faultKind, faultKinds } from '../../../src/faults/fault-kinds.js';
import type { FaultSpec, ToxicFields } from '../../../src/faults/fault-spec.js';
import { isToxicSpec, toxicAttributes } from '../../../src/faults/toxic-kind.js';
import { toSinkFault } from '../../../src/sinks/shared/fault-kinds.js';
import { scenarioJsonSchema } from '../../../src/scenario/json-schema.js';
import { parseScenario } from '../../../src/scenario/load.js';

/** The built-in fault kinds, in the order the schema lists them (registration order). */
const BUILT_IN_KINDS = [
  ...['latency', 'bandwidth', 'slow_close', 'timeout', 'silent', 'reset_peer', 'slicer', 'limit_data', 'down'],
  ...['dns-stall', 'dns-delay', 'dns-nxdomain', 'dns-servfail', 'dns-wrong-address'],
  ...['sink-throttle', 'sink-error', 'sink-slow', 'sink-drop-connection', 'sink-close-idle', 'sink-discard', 'sink-duplicate'],
  ...['kill', 'pause'],
];

const isDnsSpec = (f: FaultSpec): boolean => faultKind(f.kind)?.acts === 'dns';
const isSinkSpec = (f: FaultSpec): boolean => faultKind(f.kind)?.acts === 'sink';

const HEAD = `name: faults
duration: 2h
instances: 10
system: { kind: forwarder, input: { rate: 100/s } }
`;

/** One entry of every kind, with units, as a scenario would write them. */
const EXAMPLE = `${HEAD}faults:
  - { kind: latency, at: 10m, for: 5m, latency: 200ms, jitter: 20ms, share: 0.5 }
  - { kind: bandwidth, at: 20m, for: 1m..3m, every: 30m, rate: 100, stream: upstream }
  - { kind: slow_close, delay: 2s, toxicity: 0.5 }
  - { kind: timeout, at: 1h, for: 30s, timeout: 0 }
  - { kind: silent, at: 1h, for: 30s, timeout: 10s }
  - { kind: reset_peer, every: ~20m, for: 10s, timeout: 500ms, instances: 2 }
  - { kind: slicer, averageSize: 1KB, sizeVariation: 100B, delay: 0.5ms }
  - { kind: limit_data, bytes: 64KB }
  - { kind: down, name: blackout, at: 30m, for: 2m }
  - { kind: dns-stall, at: 5m, for: 1m }
  - { kind: dns-delay, delay: 3s, jitter: 1s }
  - { kind: dns-nxdomain, toxicity: 0.1 }
  - { kind: dns-servfail, at: 40m, for: 20s }
  - { kind: dns-wrong-address, address: 127.0.0.9 }
  - { kind: sink-throttle, at: 15m, for: 30s, every: 15m }
  - { kind: sink-error, status: 503, for: 1m }
  - { kind: sink-slow, latency: 4s }
  - { kind: sink-drop-connection, afterStore: yes }
  - { kind: sink-close-idle, after: 1s }
  - { kind: sink-discard, for: 10s }
  - { kind: sink-duplicate, for: 10s }
  - { kind: kill, at: 1h, every: ~30m, share: 0.1 }
  - { kind: pause, at: 45m, for: 10s..1m }
  - { kind: latency, latency: 1s }
`;

const ALL = { kind: 'share', share: 1 } as const;

function problemsOf(text: string): string[] {
  try {
    parseScenario(text, 'f.yaml');
  } catch (err) {
    assert.ok(err instanceof ScenarioError, String(err));
    return err.problems.map(formatProblem);
  }
  assert.fail('the scenario was accepted');
}

function faultProblem(entry: string, head = HEAD): string {
  const problems = problemsOf(`${head}faults:\n  - ${entry}\n`);
  assert.equal(problems.length, 1, problems.join('\n'));
  return problems[0] as string;
}

test('every fault kind parses, with units resolved and defaults applied', () => {
  const faults = parseScenario(EXAMPLE, 'example.yaml').faults;
  const toxic = { stream: 'downstream', toxicity: 1 } as const;
  const expected: FaultSpec[] = [
    { kind: 'latency', name: 'latency#1', at: 600_000, for: { min: 300_000, max: 300_000 }, target: { kind: 'share', share: 0.5 }, latency: 200, jitter: 20, ...toxic },
    {
      kind: 'bandwidth',
      name: 'bandwidth#1',
      at: 1_200_000,
      for: { min: 60_000, max: 180_000 },
      every: { kind: 'periodic', interval: 1_800_000 },
      target: ALL,
      rate: 100,
      stream: 'upstream',
      toxicity: 1,
    },
    { kind: 'slow_close', name: 'slow_close#1', at: 0, target: ALL, delay: 2000, stream: 'downstream', toxicity: 0.5 },
    { kind: 'timeout', name: 'timeout#1', at: 3_600_000, for: { min: 30_000, max: 30_000 }, target: ALL, timeout: 0, ...toxic },
    { kind: 'silent', name: 'silent#1', at: 3_600_000, for: { min: 30_000, max: 30_000 }, target: ALL, timeout: 10_000, ...toxic },
    {
      kind: 'reset_peer',
      name: 'reset_peer#1',
      at: 0,
      for: { min: 10_000, max: 10_000 },
      every: { kind: 'random', mean: 1_200_000 },
      target: { kind: 'count', count: 2 },
      timeout: 500,
      ...toxic,
    },
    { kind: 'slicer', name: 'slicer#1', at: 0, target: ALL, averageSize: 1024, sizeVariation: 100, delay: 0.5, ...toxic },
    { kind: 'limit_data', name: 'limit_data#1', at: 0, target: ALL, bytes: 65_536, ...toxic },
    { kind: 'down', name: 'blackout', at: 1_800_000, for: { min: 120_000, max: 120_000 }, target: ALL },
    { kind: 'dns-stall', name: 'dns-stall#1', at: 300_000, for: { min: 60_000, max: 60_000 }, target: ALL, toxicity: 1 },
    { kind: 'dns-delay', name: 'dns-delay#1', at: 0, target: ALL, delay: 3000, jitter: 1000, toxicity: 1 },
    { kind: 'dns-nxdomain', name: 'dns-nxdomain#1', at: 0, target: ALL, toxicity: 0.1 },
    { kind: 'dns-servfail', name: 'dns-servfail#1', at: 2_400_000, for: { min: 20_000, max: 20_000 }, target: ALL, toxicity: 1 },
    { kind: 'dns-wrong-address', name: 'dns-wrong-address#1', at: 0, target: ALL, address: ['127.0.0.9'], toxicity: 1 },
    {
      kind: 'sink-throttle',
      name: 'sink-throttle#1',
      at: 900_000,
      for: { min: 30_000, max: 30_000 },
      every: { kind: 'periodic', interval: 900_000 },
      target: ALL,
    },
    { kind: 'sink-error', name: 'sink-error#1', at: 0, for: { min: 60_000, max: 60_000 }, target: ALL, status: 503 },
    { kind: 'sink-slow', name: 'sink-slow#1', at: 0, target: ALL, latency: 4000 },
    { kind: 'sink-drop-connection', name: 'sink-drop-connection#1', at: 0, target: ALL, afterStore: true },
    { kind: 'sink-close-idle', name: 'sink-close-idle#1', at: 0, target: ALL, after: 1000 },
    { kind: 'sink-discard', name: 'sink-discard#1', at: 0, for: { min: 10_000, max: 10_000 }, target: ALL },
    { kind: 'sink-duplicate', name: 'sink-duplicate#1', at: 0, for: { min: 10_000, max: 10_000 }, target: ALL },
    { kind: 'kill', name: 'kill#1', at: 3_600_000, every: { kind: 'random', mean: 1_800_000 }, target: { kind: 'share', share: 0.1 } },
    { kind: 'pause', name: 'pause#1', at: 2_700_000, for: { min: 10_000, max: 60_000 }, target: { kind: 'count', count: 1 } },
    { kind: 'latency', name: 'latency#2', at: 0, target: ALL, latency: 1000, jitter: 0, ...toxic },
  ];
  assert.deepEqual(faults, expected);
  assert.deepEqual([...new Set(faults.map((f) => f.kind))].sort(), faultKinds().map((k) => k.name).sort(), 'the example covers every kind');
});

test('defaults: sink-error answers 500, drop-connection drops before storing, toxics run downstream on every connection', () => {
  const faults = parseScenario(`${HEAD}faults:\n  - { kind: sink-error }\n  - { kind: sink-drop-connection }\n  - { kind: timeout }\n`, 'd.yaml').faults;
  assert.deepEqual(
    faults.map((f) => [f.kind, 'status' in f ? f.status : 'afterStore' in f ? f.afterStore : 'timeout' in f ? [f.timeout, f.stream, f.toxicity] : null]),
    [
      ['sink-error', 500],
      ['sink-drop-connection', false],
      ['timeout', [0, 'downstream', 1]],
    ],
  );
});

test('a dns-wrong-address takes one address or a list', () => {
  const [f] = parseScenario(`${HEAD}faults:\n  - { kind: dns-wrong-address, address: [127.0.0.2, '::1'] }\n`, 'w.yaml').faults;
  assert.deepEqual(f?.kind === 'dns-wrong-address' && f.address, ['127.0.0.2', '::1']);
});

test('a misspelt kind names the kinds there are and suggests the closest', () => {
  const problem = faultProblem('{ kind: latncy, latency: 1s }');
  assert.match(problem, /^f\.yaml:6:13 faults\[0\]\.kind: expected one of latency, bandwidth, slow_close, .*, kill, pause, got "latncy"; did you mean "latency"\?$/);
  assert.match(faultProblem('{ kind: slow-close, delay: 1s }'), /got "slow-close"; did you mean "slow_close"\?$/);
  assert.match(faultProblem('{ kind: sink-throtle }'), /did you mean "sink-throttle"\?$/);
  assert.match(faultProblem('{ at: 5m }'), /^f\.yaml:6:5 faults\[0\]\.kind: required key is missing; expected one of latency, /);
});

test('`for` on an instantaneous kill is refused with a reason', () => {
  assert.equal(
    faultProblem('{ kind: kill, at: 5m, for: 1m }'),
    'f.yaml:6:32 faults[0].for: kill is instantaneous, so it takes no `for`; remove it (pause freezes an instance for a while)',
  );
  assert.equal(faultProblem('{ kind: pause }'), 'f.yaml:6:5 faults[0].for: pause needs `for`: how long the instance stays frozen, such as 30s or 10s..1m');
});

test('ranges must go from the shorter to the longer duration, and be longer than 0', () => {
  assert.equal(faultProblem('{ kind: down, for: 30s..10s }'), 'f.yaml:6:24 faults[0].for: expected a range from the shorter duration to the longer, got 30s..10s; did you mean 10s..30s?');
  assert.equal(faultProblem('{ kind: down, for: 0s..10s }'), 'f.yaml:6:24 faults[0].for: expected a duration longer than 0');
  assert.equal(faultProblem('{ kind: down, for: 10s...30s }'), 'f.yaml:6:24 faults[0].for: expected a duration such as 30s, or a range such as 10s..30s, got "10s...30s"');
  assert.match(faultProblem('{ kind: down, for: 30 }'), /got 30: a duration needs a unit \(30s\?\)$/);
  const [f] = parseScenario(`${HEAD}faults:\n  - { kind: down, for: 10s .. 10s }\n`, 'r.yaml').faults;
  assert.deepEqual(f?.for, { min: 10_000, max: 10_000 });
});

test('share is a fraction above 0 and at most 1; instances a count within the scenario; not both', () => {
  const shareError = 'expected a share of the instances above 0 and at most 1 (0.5 is half of them)';
  assert.equal(faultProblem('{ kind: down, share: 0 }'), `f.yaml:6:26 faults[0].share: ${shareError}, got 0`);
  assert.equal(faultProblem('{ kind: down, share: 1.5 }'), `f.yaml:6:26 faults[0].share: ${shareError}, got 1.5`);
  assert.equal(faultProblem('{ kind: down, share: half }'), `f.yaml:6:26 faults[0].share: ${shareError}, got "half"`);
  assert.equal(faultProblem('{ kind: down, instances: 11 }'), 'f.yaml:6:30 faults[0].instances: expected at most 10 (the scenario runs 10 instances), got 11');
  assert.equal(faultProblem('{ kind: down, instances: 0 }'), 'f.yaml:6:30 faults[0].instances: expected a whole number of instances, 1 or more, got 0');
  assert.match(faultProblem('{ kind: down, share: 0.5, instances: 2 }'), /^f\.yaml:6:42 faults\[0\]\.instances: give share or instances, not both/);
});

test('every: a repeated fault needs `for`, periodic occurrences must not overlap, and both forms need a unit', () => {
  assert.equal(
    faultProblem('{ kind: latency, latency: 1s, every: 10m }'),
    'f.yaml:6:42 faults[0].every: a repeated latency needs `for` (how long each occurrence lasts); without it the first would last to the end of the cell',
  );
  assert.equal(
    faultProblem('{ kind: down, every: 10m, for: 5m..11m }'),
    'f.yaml:6:36 faults[0].for: expected occurrences no longer than `every` (10m), got up to 11m: they would overlap',
  );
  assert.match(faultProblem('{ kind: down, every: 20, for: 1m }'), /faults\[0\]\.every: expected a duration such as 10m \(periodic\), or ~20m .*got 20: a duration needs a unit \(20m\?\)$/);
  assert.equal(faultProblem('{ kind: down, every: "~0s", for: 1m }'), 'f.yaml:6:26 faults[0].every: expected a duration longer than 0');
  const [kill] = parseScenario(`${HEAD}faults:\n  - { kind: kill, every: 10m }\n`, 'k.yaml').faults;
  assert.deepEqual(kill?.every, { kind: 'periodic', interval: 600_000 }, 'kill repeats without `for`');
});

test('an instance fault (kill, pause) hits one instance per occurrence unless told otherwise; other faults hit all', () => {
  const faults = parseScenario(
    `${HEAD}faults:\n  - { kind: kill, every: 10m }\n  - { kind: pause, for: 1m }\n  - { kind: kill, share: 1 }\n  - { kind: pause, for: 1m, instances: 2 }\n  - { kind: down, for: 1m }\n`,
    'd.yaml',
  ).faults;
  assert.deepEqual(
    faults.map((f) => f.target),
    [{ kind: 'count', count: 1 }, { kind: 'count', count: 1 }, ALL, { kind: 'count', count: 2 }, ALL],
  );
});

test('parameters are checked per kind, with the kind\'s keys suggested', () => {
  assert.equal(faultProblem('{ kind: latency }'), 'f.yaml:6:5 faults[0].latency: required key is missing; expected a duration such as 500ms, 10s or 2h');
  assert.equal(faultProblem('{ kind: latency, latency: 1s, jiter: 5ms }'), 'f.yaml:6:35 faults[0].jiter: unknown key "jiter"; did you mean "jitter"?');
  assert.equal(faultProblem('{ kind: latency, latency: 1s, stream: up }'), 'f.yaml:6:43 faults[0].stream: expected one of upstream, downstream, got "up"');
  assert.equal(faultProblem('{ kind: sink-error, status: 501 }'), 'f.yaml:6:33 faults[0].status: expected one of 500, 503, got 501');
  assert.equal(faultProblem('{ kind: bandwidth, rate: 1.5 }'), 'f.yaml:6:30 faults[0].rate: expected a whole number, got number 1.5');
  assert.equal(faultProblem('{ kind: latency, latency: 1s, toxicity: 2 }'), 'f.yaml:6:45 faults[0].toxicity: expected 1 or less, got 2');
  assert.equal(faultProblem('{ kind: dns-wrong-address, address: [127.0.0.3, nope] }'), 'f.yaml:6:53 faults[0].address[1]: expected an IP address such as 127.0.0.2 or ::1, got "nope"');
  assert.equal(faultProblem('{ kind: kill, stream: upstream }'), 'f.yaml:6:19 faults[0].stream: unknown key "stream"; expected one of kind, name, at, every, share, instances, for');
});

test('names: given ones are unique and folder-safe; the others are <kind>#<n>', () => {
  const problems = problemsOf(`${HEAD}faults:\n  - { kind: down, name: a, for: 1m }\n  - { kind: kill, name: a }\n  - { kind: kill, name: "b c" }\n`);
  assert.deepEqual(problems, [
    'f.yaml:7:25 faults[1].name: the name "a" is already used by faults[0]',
    'f.yaml:8:25 faults[2].name: expected a fault name of letters, digits, \'.\', \'_\' and \'-\', got "b c"',
  ]);
  const faults = parseScenario(`${HEAD}faults:\n  - { kind: kill }\n  - { kind: down, name: x }\n  - { kind: kill }\n  - { kind: down }\n`, 'n.yaml').faults;
  assert.deepEqual(
    faults.map((f) => f.name),
    ['kill#1', 'x', 'kill#2', 'down#2'],
  );
});

test('every problem in the fault list is reported at once, each at its line', () => {
  const problems = problemsOf(`${HEAD}faults:\n  - { kind: latncy }\n  - kind: kill\n    for: 1m\n  - kind: down\n    for: 30s..10s\n    share: 2\n`);
  assert.deepEqual(
    problems.map((p) => p.split(' ')[0]),
    ['f.yaml:6:13', 'f.yaml:8:10', 'f.yaml:10:10', 'f.yaml:11:12'],
  );
});

function toxic(yaml: string): FaultSpec & ToxicFields {
  const [f] = parseScenario(`${HEAD}faults:\n  - ${yaml}\n`, 't.yaml').faults;
  assert.ok(f !== undefined && isToxicSpec(f));
  return f;
}

test('toxicAttributes gives exactly the Toxiproxy wire payload of each toxic', () => {
  const cases: [string, unknown][] = [
    ['{ kind: latency, latency: 1.5s, jitter: 20ms }', { type: 'latency', stream: 'downstream', toxicity: 1, attributes: { latency: 1500, jitter: 20 } }],
    ['{ kind: bandwidth, rate: 100, stream: upstream }', { type: 'bandwidth', stream: 'upstream', toxicity: 1, attributes: { rate: 100 } }],
    ['{ kind: slow_close, delay: 2s, toxicity: 0.25 }', { type: 'slow_close', stream: 'downstream', toxicity: 0.25, attributes: { delay: 2000 } }],
    ['{ kind: timeout, timeout: 0 }', { type: 'timeout', stream: 'downstream', toxicity: 1, attributes: { timeout: 0 } }],
    ['{ kind: timeout, timeout: 1m }', { type: 'timeout', stream: 'downstream', toxicity: 1, attributes: { timeout: 60_000 } }],
    ['{ kind: silent, timeout: 0 }', { type: 'silent', stream: 'downstream', toxicity: 1, attributes: { timeout: 0 } }],
    ['{ kind: reset_peer, timeout: 500ms }', { type: 'reset_peer', stream: 'downstream', toxicity: 1, attributes: { timeout: 500 } }],
    [
      '{ kind: slicer, averageSize: 1KB, sizeVariation: 100, delay: 0.5ms }',
      { type: 'slicer', stream: 'downstream', toxicity: 1, attributes: { average_size: 1024, size_variation: 100, delay: 500 } },
    ],
    ['{ kind: limit_data, bytes: 64KB }', { type: 'limit_data', stream: 'downstream', toxicity: 1, attributes: { bytes: 65_536 } }],
  ];
  for (const [yaml, payload] of cases) assert.deepEqual(toxicAttributes(toxic(yaml)), payload, yaml);
});

test('toxicAttributes scales times and rates to wall time for a server that is not on the scenario clock', () => {
  assert.deepEqual(toxicAttributes(toxic('{ kind: latency, latency: 1m, jitter: 1s }'), { speed: 60 }).attributes, { latency: 1000, jitter: 17 });
  assert.deepEqual(toxicAttributes(toxic('{ kind: bandwidth, rate: 10 }'), { speed: 60 }).attributes, { rate: 600 });
  assert.deepEqual(toxicAttributes(toxic('{ kind: slicer, averageSize: 10, delay: 60ms }'), { speed: 60 }).attributes, { average_size: 10, size_variation: 0, delay: 1000 });
  assert.deepEqual(toxicAttributes(toxic('{ kind: limit_data, bytes: 100 }'), { speed: 60 }).attributes, { bytes: 100 });
});

test('DNS and sink faults convert to the forms the DNS server and the mock sink take', () => {
  const faults = parseScenario(EXAMPLE, 'example.yaml').faults;
  const dns = faults.filter(isDnsSpec).map((f) => toDnsFault(f));
  assert.deepEqual(dns, [
    { kind: 'stall', toxicity: 1 },
    { kind: 'delay', ms: 3000, jitter: 1000, toxicity: 1 },
    { kind: 'nxdomain', toxicity: 0.1 },
    { kind: 'servfail', toxicity: 1 },
    { kind: 'wrong-address', addresses: ['127.0.0.9'], toxicity: 1 },
  ]);
  const streams = ['instance-0', 'instance-3'];
  const sink = faults.filter(isSinkSpec);
  assert.deepEqual(
    sink.map((f) => toSinkFault(f, { streams })),
    [
      { kind: 'throttle', streams },
      { kind: 'error', status: 503, streams },
      { kind: 'slow', latency: 4000, streams },
      { kind: 'drop-connection', afterStore: true, streams },
      { kind: 'close-idle', after: 1000 },
      { kind: 'discard', streams },
      { kind: 'duplicate', streams },
    ],
  );
  const [throttle] = sink;
  assert.deepEqual(throttle && toSinkFault(throttle, { for: 30_000 }), { kind: 'throttle', for: 30_000 });
});

test('the JSON Schema offers every fault kind, with its keys, to editors', () => {
  interface Node {
    properties?: Record<string, Node & { const?: unknown }>;
    items?: Node;
    oneOf?: Node[];
    anyOf?: Node[];
    additionalProperties?: unknown;
  }
  const faults = (scenarioJsonSchema() as Node).properties?.faults;
  const options = faults?.items?.oneOf ?? faults?.items?.anyOf ?? [];
  assert.deepEqual(
    options.map((o) => o.properties?.kind?.const),
    BUILT_IN_KINDS,
  );
  for (const option of options) assert.equal(option.additionalProperties, false);
  const latency = options.find((o) => o.properties?.kind?.const === 'latency');
  assert.deepEqual(Object.keys(latency?.properties ?? {}), ['kind', 'name', 'at', 'every', 'share', 'instances', 'for', 'latency', 'jitter', 'stream', 'toxicity', 'link']);
});

test('the shared sink faults: each sink kind takes those it lists; the tcp sink refuses the ones that need an answer, by name', () => {
  const processOn = (sink: string): string =>
    `name: p\nduration: 10s\nsystem: { kind: process, command: ${JSON.stringify(process.execPath)}, sink: ${sink}, input: { via: tcp, rate: 10/s } }\nsink: { kind: ${sink} }\n`;
  assert.equal(parseScenario(`${processOn('http')}faults:\n  - { kind: sink-throttle, at: 1s, for: 1s }\n  - { kind: sink-error, status: 503 }\n`, 'h.yaml').faults.length, 2);
  assert.equal(parseScenario(`${processOn('tcp')}faults:\n  - { kind: sink-slow, latency: 1s }\n  - { kind: sink-discard }\n`, 't.yaml').faults.length, 2);
  // Line 6 of the text, where the kind's value starts.
  assert.deepEqual(problemsOf(`${processOn('tcp')}faults:\n  - { kind: sink-error, status: 503 }\n`), [
    'f.yaml:6:13 faults[0].kind: sink-error cannot act on a tcp sink (it takes sink-slow, sink-drop-connection, sink-close-idle, sink-discard, sink-duplicate)',
  ]);
});
