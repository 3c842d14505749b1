import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellResults, runBrokerCell } from '../../helpers/cell.js';
import { brokerScenario } from '../../helpers/scenario-text.js';
test('sync-ack: a peer and the broker with both sides\' slots full lock up, and the watchdog declares a hang naming the stuck connections', { timeout: 60_000 }, async (t) => {
    // One slot per pool (libchirp when synchronous): the peer's PUB holds the broker's receive slot until
    // its copies are acknowledged, and the peer's acknowledgement waits for that same slot.
    const scenario = brokerScenario({
        duration: '4s',
        drain: '0s',
        'system.publishers': '1',
        'system.subscribers': '1',
        'system.peers': '1',
        'system.syncAck': '{ slots: 1 }',
        'failures.hangWindow': '2s',
    });
    const { journal } = await runBrokerCell(scenario);
    const cell = cellResults(scenario, journal);
    const hangs = cell.failures.filter((f) => f.mode === 'hang');
    assert.ok(hangs.length >= 1, `failures: ${JSON.stringify(cell.failures.map((f) => [f.mode, f.evidence.reason]))}`);
    const first = hangs[0];
    t.diagnostic(String(first.evidence.reason));
    assert.ok(first.at >= 2000 && first.at < 3500, `declared at ${first.at.toFixed(0)} ms`);
    const stuck = first.evidence.stuckConnections;
    assert.ok(stuck.includes(`broker/${first.id}/peer-0`) && stuck.includes(`${first.id}/peer-0`), `stuck: ${stuck.join(', ')}`);
    assert.ok(Number(first.evidence.publisherBacklog) > 0, 'publishers kept trying');
    assert.match(String(first.evidence.reason), /peer-0 \(send 1\/1, recv 1\/1, reading stopped/);
});
test('sync-ack: plain publishers and subscribers with one slot deliver everything, no hang', { timeout: 60_000 }, async () => {
    const scenario = brokerScenario({ duration: '2s', 'system.syncAck': '{ slots: 1 }', 'failures.hangWindow': '2s' });
    const { journal, drained } = await runBrokerCell(scenario);
    const cell = cellResults(scenario, journal);
    assert.deepEqual(cell.failures, []);
    assert.ok(drained);
    assert.equal(cell.delivery.delivered, cell.delivery.generated);
});
//# sourceMappingURL=broker-sync-ack.test.js.map