import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScaledClock } from '../../../src/core/clock.js';
import { BrokerCell } from '../../../src/systems/broker/cell.js';
import type { BrokerConfig } from '../../../src/systems/broker/config.js';
import { brokerDelivery } from '../../../src/systems/broker/delivery.js';
import type { BrokerStopped, SubscriberState } from '../../../src/systems/broker/messages.js';
import { subscriberRole } from '../../../src/systems/broker/subscriber-roles.js';
import { parseScenario } from '../../../src/scenario/load.js';

test('subscriber roles come from the faults on their link: dead kinds, other toxics, none', () => {
  const { faults } = parseScenario(
    `name: r\nduration: 1m\nsystem: { kind: broker, rate: 1/s, subscribers: 4 }\nfaults:
  - { kind: bandwidth, rate: 1, link: subscriber-1 }
  - { kind: latency, latency: 1s, link: subscriber-2 }
  - { kind: timeout, at: 30s, link: subscriber-2 }
  - { kind: down, link: subscriber-3 }\n`,
    'r.yaml',
  );
  assert.deepEqual(
    ['subscriber-0', 'subscriber-1', 'subscriber-2', 'subscriber-3'].map((l) => subscriberRole(l, faults)),
    ['fast', 'slow', 'dead', 'dead'],
  );
});

test('a broker instance\'s accounting in the ledger\'s terms: drops and cut-offs declared, what is on the way by how it ended', () => {
  const sub = (over: Partial<SubscriberState>): SubscriberState => ({
    link: 'subscriber-0', id: 'x/sub-0', expected: 0, delivered: 0, duplicates: 0, reordered: 0, dropped: 0, cut: 0, inTransit: 0, lost: 0, queued: 0,
    connected: true, disconnected: false, goneReason: undefined, ...over,
  });
  const subs = [sub({ expected: 100, delivered: 90, inTransit: 10 }), sub({ expected: 100, delivered: 50, dropped: 20, cut: 25, lost: 5, reordered: 1, duplicates: 2 })];
  const stopped = brokerDelivery(subs, 'stopped');
  assert.deepEqual(
    [stopped.generated, stopped.delivered, stopped.dropped, stopped.undrained, stopped.lostInFailures, stopped.lost, stopped.reordered, stopped.duplicated],
    [200, 140, 45, 10, 0, 5, 1, 2],
  );
  assert.equal(stopped.generated, stopped.delivered + stopped.dropped + stopped.undrained + stopped.lost);
  const failed = brokerDelivery(subs, 'failed');
  assert.deepEqual([failed.undrained, failed.lostInFailures], [0, 10]);
  const running = brokerDelivery(subs, 'running');
  assert.deepEqual([running.undrained, running.lostInFailures], [0, 0]);
});

test('a cut-off is timed from the cell\'s time 0, not from when its first instance booted', () => {
  const { system, faults } = parseScenario(`name: r\nduration: 1m\nsystem: { kind: broker, rate: 1/s, subscribers: 2 }\nfaults:\n  - { kind: down, link: subscriber-1 }\n`, 'r.yaml');
  // The first instance booted at 1,000 ms; the cell's time 0 came at 4,000 ms, once every instance ran.
  let origin = Number.NaN;
  const cell = new BrokerCell({ config: system as unknown as BrokerConfig, cell: 0, instances: 2, hangWindow: 60_000, memoryLimit: 0, faults, clock: new ScaledClock(1), origin: () => origin });
  cell.watchFor(1_000);
  origin = 4_000;
  cell.watchFor(4_000);
  const state = (link: string, over: Partial<SubscriberState>): SubscriberState => ({
    link, id: `x/${link}`, expected: 10, delivered: 10, duplicates: 0, reordered: 0, dropped: 0, cut: 0, inTransit: 0, lost: 0, queued: 0,
    connected: true, disconnected: false, goneReason: undefined, ...over,
  });
  // Its policy cut subscriber-1 off at 6,500 ms: 2.5 s into the cell.
  const subscribers = [state('subscriber-0', {}), state('subscriber-1', { delivered: 4, cut: 6, connected: false, disconnected: true, goneAt: 6_500, goneReason: 'policy' })];
  cell.ended(0, 'c0s0g0', undefined, { t: 'stopped', counters: {}, subscribers, latency: {} } as unknown as BrokerStopped);
  const links = cell.interval([]).extra?.links as { name: string; counts: Record<string, number> }[];
  assert.equal(links.find((l) => l.name === 'subscriber-1')?.counts.cutAt, 2_500);
});
