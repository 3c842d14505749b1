import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { proxyPort, proxyTo, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, readBytes, startSendServer, startSinkServer, within } from '../../helpers/tcp-servers.js';
const pattern = (n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31) & 0xff));
describe('bandwidth toxic through real sockets', { timeout: 30_000 }, () => {
    let server;
    let sender;
    let sink;
    const BYTES = 150_000;
    before(async () => {
        sender = await startSendServer(() => pattern(BYTES));
        sink = await startSinkServer();
        ({ server } = await startToxiproxy());
    });
    after(async () => {
        await server.stop();
        await sender.close();
        await sink.close();
    });
    it('holds 100 KB/s (1 KB = 1000 B) within 10% downstream', async () => {
        const proxy = await proxyTo(server, 'bw', sender.address, [{ type: 'bandwidth', attributes: { rate: 100 } }]);
        const s = await connect(proxyPort(proxy));
        try {
            const t0 = performance.now();
            const reading = readBytes(s, BYTES);
            s.write('go');
            const { data } = await within(10_000, `${BYTES} bytes`, reading);
            const ms = performance.now() - t0;
            console.log(`bandwidth 100 KB/s: ${BYTES} B in ${ms.toFixed(0)} ms (expected 1500 ± 150)`);
            assert.ok(Math.abs(ms - 1500) <= 150, `${ms.toFixed(0)} ms`);
            assert.ok(data.equals(pattern(BYTES)), 'bytes changed on the way');
        }
        finally {
            s.destroy();
            await server.collection.remove('bw');
        }
    });
    it('holds the rate upstream too', async () => {
        const proxy = await proxyTo(server, 'bwu', sink.address, [{ type: 'bandwidth', stream: 'upstream', attributes: { rate: 100 } }]);
        const s = await connect(proxyPort(proxy));
        try {
            const t0 = performance.now();
            s.end(pattern(BYTES));
            const { data, how } = await within(10_000, 'the sink to finish', (async () => {
                await sink.accepted(1);
                return (await sink.finished[0]);
            })());
            const ms = performance.now() - t0;
            console.log(`bandwidth 100 KB/s upstream: ${data.length} B in ${ms.toFixed(0)} ms (expected 1500 ± 150), ${how}`);
            assert.ok(data.equals(pattern(BYTES)));
            assert.ok(Math.abs(ms - 1500) <= 150, `${ms.toFixed(0)} ms`);
        }
        finally {
            s.destroy();
            await server.collection.remove('bwu');
        }
    });
});
//# sourceMappingURL=toxic-bandwidth.test.js.map