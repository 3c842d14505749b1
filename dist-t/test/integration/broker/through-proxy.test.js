import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScaledClock } from '../../../src/core/clock.js';
import { Random } from '../../../src/core/random.js';
import { ProxyCollection } from '../../../src/faults/proxy-collection.js';
import { brokerInstance } from '../../helpers/broker-harness.js';
import { waitFor } from '../../helpers/wait.js';
/**
 * sub-2 reaches the broker through a Toxiproxy-compatible proxy route; the others connect direct. A toxic
 * on the route's downstream makes it slow (bandwidth) or dead (timeout), with no help from the subscriber.
 */
function viaProxy(proxies) {
    const subscriberAddress = async (j, broker) => {
        if (j !== 2)
            return broker;
        const p = await proxies.create({ name: 'sub-2', listen: '127.0.0.1:0', upstream: `${broker.host}:${broker.port}` });
        return { host: '127.0.0.1', port: p.port };
    };
    const toxic = async (type, attributes) => {
        await proxies.get('sub-2').addToxic({ type, attributes, stream: 'downstream' });
    };
    return { subscriberAddress, toxic };
}
test('a subscriber slowed by a bandwidth toxic on its proxy route holds everyone back under block', { timeout: 20_000 }, async () => {
    const clock = new ScaledClock(1);
    const proxies = new ProxyCollection({ clock, random: new Random(3) });
    const route = viaProxy(proxies);
    const i = brokerInstance({ clock, inbox: { kind: 'block', limit: { messages: 200 } }, subscriberAddress: route.subscriberAddress });
    try {
        await i.start();
        await route.toxic('bandwidth', { rate: 20 }); // 20 KB/s
        await waitFor(() => i.counters().publisherPauses >= 1, 5000, 'the broker to stop reading from publishers');
        await waitFor(() => (i.publishers[0]?.backlog ?? 0) > 0 || i.counters().publisherPausedMs > 500, 5000, 'publishers to be held back');
        const c = i.counters();
        assert.deepEqual([c.dropped, c.disconnected, c.lost, c.reordered], [0, 0, 0, 0]);
        assert.ok(i.subscribers[2].delivered > 0, 'the slow subscriber does receive, slowly');
    }
    finally {
        await i.stop();
        await Promise.all(proxies.list().map((p) => p.stop()));
    }
});
test('a subscriber behind a dead route (timeout toxic) is disconnected once over the soft limit for long enough', { timeout: 20_000 }, async (t) => {
    const clock = new ScaledClock(1);
    const proxies = new ProxyCollection({ clock, random: new Random(3) });
    const route = viaProxy(proxies);
    const i = brokerInstance({ clock, inbox: { kind: 'disconnect', soft: { messages: 100 }, softForMs: 500 }, subscriberAddress: route.subscriberAddress });
    try {
        await i.start();
        const before = i.subscribers[2].delivered;
        await route.toxic('timeout', { timeout: 0 });
        await waitFor(() => i.counters().disconnected === 1, 5000, 'the dead subscriber to be disconnected');
        const gone = i.disconnections()[0];
        t.diagnostic(`${gone?.subscriber}: ${gone?.reason}`);
        assert.equal(gone?.subscriber, 'b/sub-2');
        assert.match(gone?.reason ?? '', /soft limit 100 messages exceeded for \d+ ms/);
        assert.ok(i.subscribers[2].delivered - before < 400, 'next to nothing got through once the route went dead');
        assert.ok(i.subscribers[0].delivered > 0 && i.broker.subscriberConnected('b/sub-0'));
    }
    finally {
        await i.stop();
        await Promise.all(proxies.list().map((p) => p.stop()));
    }
});
//# sourceMappingURL=through-proxy.test.js.map