import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellResults, runBrokerCell } from '../../helpers/cell.js';
import { brokerScenario } from '../../helpers/scenario-text.js';
test('drop-newest: a slow subscriber\'s drops are counted exactly, and only its own', { timeout: 60_000 }, async (t) => {
    // subscriber-2 reads through a 20 KB/s bandwidth toxic: about a quarter of the 400 messages/s it is sent.
    const scenario = brokerScenario({
        'system.inbox': '{ kind: drop-newest, limit: { messages: 100 } }',
        'system.creditWindow': '16KB',
        faults: '[{kind: bandwidth, at: 0s, rate: 20, link: subscriber-2}]',
    });
    const { journal } = await runBrokerCell(scenario);
    const cell = cellResults(scenario, journal);
    const d = cell.delivery;
    const bySubscriber = Object.fromEntries(cell.perLink.links.map((s) => [s.name, s]));
    t.diagnostic(`generated ${d.generated}, delivered ${d.delivered}, dropped ${d.dropped}, on the way at the end ${d.undrained}`);
    assert.ok(d.dropped > 100, `dropped ${d.dropped}`);
    assert.equal(d.delivered + d.dropped + d.undrained, d.generated, 'every copy is delivered, dropped or on its way: none unaccounted');
    assert.deepEqual([d.lost, d.reordered, d.duplicated, d.lostInFailures], [0, 0, 0, 0]);
    assert.equal(bySubscriber['subscriber-2'].counts.dropped, d.dropped, 'all drops are the slow subscriber\'s');
    assert.deepEqual([bySubscriber['subscriber-0'].counts.dropped, bySubscriber['subscriber-1'].counts.dropped], [0, 0]);
    assert.equal(cell.system.dropped, d.dropped, 'the broker\'s own count agrees');
    assert.equal(bySubscriber['subscriber-2'].counts.cut, 0);
    assert.deepEqual(cell.failures, []);
});
//# sourceMappingURL=broker-drop-newest.test.js.map