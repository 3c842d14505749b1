import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCell } from '../../helpers/cell.js';
import { forwarderScenario } from '../../helpers/scenario-text.js';
// The whole path with `sink.tls`: instances in worker threads reach the sink by their DNS names through
// their proxy routes, over TLS that ends at the sink, verifying its certificate against the CA it made.
for (const stack of ['async', 'sync']) {
    test(`a forwarder on the ${stack} stack delivers every record to a TLS sink through the proxy`, { timeout: 60_000 }, async () => {
        const { cell, drained } = await runCell(forwarderScenario({ instances: '2', 'sink.tls': 'true', 'system.net.stack': stack }));
        assert.ok(drained, 'the cell drained within its drain time');
        const c = cell.ledger.counts();
        assert.ok(c.generated >= 1000, `generated ${c.generated}`);
        assert.equal(c.delivered, c.generated);
        assert.deepEqual([c.lost, c.duplicated], [0, 0]);
        assert.equal(cell.sink.counters.connections.tlsErrors, 0, 'every handshake verified the certificate');
        assert.equal(cell.sink.streams().length, 2);
    });
}
//# sourceMappingURL=cloudwatch-tls-pipeline.test.js.map