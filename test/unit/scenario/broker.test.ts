import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFault } from '../../../src/faults/fault-describe.js';
import { parseScenario } from '../../../src/scenario/load.js';
import type { Scenario } from '../../../src/scenario/types.js';
import type { BrokerConfig } from '../../../src/systems/broker/config.js';

const HEAD = 'name: b\nduration: 1m\n';

function brokerOf(s: Scenario): BrokerConfig {
  assert.equal(s.system.kind, 'broker');
  return s.system as unknown as BrokerConfig;
}

function problem(yaml: string): string {
  try {
    parseScenario(yaml, 'b.yaml');
  } catch (e) {
    return (e as Error).message;
  }
  assert.fail('expected the scenario to be refused');
}

test('a minimal broker scenario gets every default, in resolved units', () => {
  const s = parseScenario(`${HEAD}system: { kind: broker, rate: 500/s }\n`, 'b.yaml');
  assert.deepEqual(s.system, {
    kind: 'broker',
    publishers: 1,
    subscribers: 3,
    peers: 0,
    topics: 1,
    rate: 500,
    payloadSize: 200,
    server: { kind: 'in-process' },
    inbox: { kind: 'block', limit: { messages: 1024 } },
    creditWindow: 64 * 1024,
    writeHighWater: 64 * 1024,
  });
});

test('inbox policies resolve their limits and durations', () => {
  const inbox = (yaml: string): BrokerConfig['inbox'] => brokerOf(parseScenario(`${HEAD}system: { kind: broker, rate: 1/s, inbox: ${yaml} }\n`, 'b.yaml')).inbox;
  assert.deepEqual(inbox('{ kind: drop-newest, limit: { bytes: 64KB } }'), { kind: 'drop-newest', limit: { bytes: 65536 } });
  assert.deepEqual(inbox('{ kind: disconnect, hard: { bytes: 1MB }, soft: { messages: 100 }, softFor: 5s }'), {
    kind: 'disconnect',
    hard: { bytes: 1048576 },
    soft: { messages: 100 },
    softFor: 5000,
  });
  assert.deepEqual(inbox('{ kind: elastic, lag: 2s }'), { kind: 'elastic', lag: 2000 });
  assert.deepEqual(inbox('{ kind: unbounded }'), { kind: 'unbounded' });
  const s = parseScenario(`${HEAD}system: { kind: broker, rate: 1/s, peers: 1, syncAck: { slots: 1 } }\n`, 'b.yaml');
  assert.deepEqual(brokerOf(s).syncAck, { slots: 1 });
});

test('broker mistakes are named: a disconnect without limits, a limit without a measure, no subscriber', () => {
  assert.match(problem(`${HEAD}system: { kind: broker, rate: 1/s, inbox: { kind: disconnect } }\n`), /system\.inbox\.hard: the disconnect policy needs a hard limit, a soft limit, or both/);
  assert.match(problem(`${HEAD}system: { kind: broker, rate: 1/s, inbox: { kind: block, limit: {} } }\n`), /expected a limit in messages, bytes, or both/);
  assert.match(problem(`${HEAD}system: { kind: broker, rate: 1/s, subscribers: 0 }\n`), /system\.subscribers: expected at least one subscriber or peer/);
  assert.match(problem(`${HEAD}system: { kind: broker, rate: 1/s, inbox: { kind: elastic } }\n`), /system\.inbox\.lag/);
});

test('faults name the link they act on: a broker subscriber\'s, or the forwarder\'s sink', () => {
  const s = parseScenario(`${HEAD}system: { kind: broker, rate: 1/s, peers: 1 }\nfaults:\n  - { kind: bandwidth, rate: 5, link: subscriber-2 }\n  - { kind: down, link: peer-0 }\n`, 'b.yaml');
  assert.deepEqual(
    s.faults.map((f) => ('link' in f ? f.link : undefined)),
    ['subscriber-2', 'peer-0'],
  );
  assert.equal(describeFault(s.faults[0]!), 'bandwidth 5KB/s on subscriber-2');
  const forwarder = parseScenario(`${HEAD}system: { kind: forwarder, input: { rate: 1/s } }\nfaults:\n  - { kind: latency, latency: 1s, link: sink }\n`, 'f.yaml');
  assert.equal(describeFault(forwarder.faults[0]!), 'latency 1s');
});

test('a link that does not exist, a broker fault without a link, and DNS or sink faults on a broker are refused', () => {
  const broker = `${HEAD}system: { kind: broker, rate: 1/s }\nfaults:\n`;
  assert.match(problem(`${broker}  - { kind: timeout, link: subscriber-3 }\n`), /faults\[0\]\.link: expected one of subscriber-0, subscriber-1, subscriber-2 \(the broker's links are/);
  assert.match(problem(`${broker}  - { kind: timeout }\n`), /faults\[0\]\.link: a broker fault needs the link it acts on: one of subscriber-0, subscriber-1, subscriber-2/);
  assert.match(problem(`${broker}  - { kind: dns-stall }\n`), /faults\[0\]\.kind: dns-stall acts on an instance's DNS lookups of its sink; a broker makes none/);
  assert.match(problem(`${broker}  - { kind: sink-throttle }\n`), /faults\[0\]\.kind: sink-throttle acts on a sink; a broker writes to none/);
  assert.match(problem(`${broker}  - { kind: timeout, link: Pub_0 }\n`), /faults\[0\]\.link: expected a link name such as sink, subscriber-0 or peer-0 \(lowercase letters, digits and '-'\), got "Pub_0"/);
  assert.match(problem(`${broker}  - { kind: timeout, link: pub-0 }\n`), /faults\[0\]\.link: expected one of subscriber-0, subscriber-1, subscriber-2 \(the broker's links are subscriber-0, subscriber-1, subscriber-2\), got "pub-0"/);
  assert.match(
    problem(`${HEAD}system: { kind: forwarder, input: { rate: 1/s } }\nfaults:\n  - { kind: down, link: subscriber-0 }\n`),
    /faults\[0\]\.link: expected one of sink \(the forwarder has one link, sink\), got "subscriber-0"/,
  );
});
