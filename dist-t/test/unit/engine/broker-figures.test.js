import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokerDelivery } from '../../../src/systems/broker/delivery.js';
import { subscriberRole } from '../../../src/systems/broker/subscriber-roles.js';
import { parseScenario } from '../../../src/scenario/load.js';
test('subscriber roles come from the faults on their link: dead kinds, other toxics, none', () => {
    const { faults } = parseScenario(`name: r\nduration: 1m\nsystem: { kind: broker, rate: 1/s, subscribers: 4 }\nfaults:
  - { kind: bandwidth, rate: 1, link: subscriber-1 }
  - { kind: latency, latency: 1s, link: subscriber-2 }
  - { kind: timeout, at: 30s, link: subscriber-2 }
  - { kind: down, link: subscriber-3 }\n`, 'r.yaml');
    assert.deepEqual(['subscriber-0', 'subscriber-1', 'subscriber-2', 'subscriber-3'].map((l) => subscriberRole(l, faults)), ['fast', 'slow', 'dead', 'dead']);
});
test('a broker instance\'s accounting in the ledger\'s terms: drops and cut-offs declared, what is on the way by how it ended', () => {
    const sub = (over) => ({
        link: 'subscriber-0', id: 'x/sub-0', expected: 0, delivered: 0, duplicates: 0, reordered: 0, dropped: 0, cut: 0, inTransit: 0, lost: 0, queued: 0,
        connected: true, disconnected: false, goneReason: undefined, ...over,
    });
    const subs = [sub({ expected: 100, delivered: 90, inTransit: 10 }), sub({ expected: 100, delivered: 50, dropped: 20, cut: 25, lost: 5, reordered: 1, duplicates: 2 })];
    const stopped = brokerDelivery(subs, 'stopped');
    assert.deepEqual([stopped.generated, stopped.delivered, stopped.dropped, stopped.undrained, stopped.lostInFailures, stopped.lost, stopped.reordered, stopped.duplicated], [200, 140, 45, 10, 0, 5, 1, 2]);
    assert.equal(stopped.generated, stopped.delivered + stopped.dropped + stopped.undrained + stopped.lost);
    const failed = brokerDelivery(subs, 'failed');
    assert.deepEqual([failed.undrained, failed.lostInFailures], [0, 10]);
    const running = brokerDelivery(subs, 'running');
    assert.deepEqual([running.undrained, running.lostInFailures], [0, 0]);
});
//# sourceMappingURL=broker-figures.test.js.map