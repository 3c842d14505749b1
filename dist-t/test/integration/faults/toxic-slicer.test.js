import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { proxyPort, proxyTo, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, readBytes, startSendServer, within } from '../../helpers/tcp-servers.js';
const pattern = (n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 13 + 5) & 0xff));
describe('slicer toxic through real sockets', { timeout: 60_000 }, () => {
    let server;
    let sender;
    before(async () => {
        sender = await startSendServer(() => pattern(2000));
        ({ server } = await startToxiproxy());
    });
    after(async () => {
        await server.stop();
        await sender.close();
    });
    it('delivers the same bytes in more, smaller writes', async () => {
        const plain = await proxyTo(server, 'plain', sender.address);
        const sliced = await proxyTo(server, 'sliced', sender.address, [{ type: 'slicer', attributes: { average_size: 100, size_variation: 20, delay: 1000 } }]);
        const read = async (port) => {
            const s = await connect(port);
            const r = readBytes(s, 2000);
            s.write('go');
            const out = await within(5000, '2000 bytes', r);
            s.destroy();
            return out;
        };
        const before = await read(proxyPort(plain));
        const after = await read(proxyPort(sliced));
        console.log(`slicer: ${after.events} reads with the toxic, ${before.events} without`);
        assert.ok(after.data.equals(pattern(2000)));
        assert.ok(before.data.equals(pattern(2000)));
        assert.ok(after.events > before.events && after.events >= 5, `${after.events} reads`);
    });
    /**
     * Sends 'go' through `port` and times the reply's `n` bytes from the request. (Not from the first byte:
     * the client shares the proxy's thread, so it may read nothing until the proxy yields.)
     */
    async function timeReply(port, n) {
        const s = await connect(port);
        const r = readBytes(s, n);
        const t0 = performance.now();
        s.write('go');
        const { data } = await within(20_000, `${n} bytes`, r);
        const ms = performance.now() - t0;
        s.destroy();
        assert.equal(data.length, n);
        return ms;
    }
    it('honours sub-millisecond delays on average: 2000 one-byte slices 250 µs and 500 µs apart, within 20%', async () => {
        // One-byte slices make the slice count independent of how the proxy's reads split the stream: 2000
        // bytes are 2000 slices, and 1999 delays lie between the first byte and the last. Owed delay is slept
        // off in timer-sized steps, so the proxy's own work per slice overlaps the delays rather than adding to
        // them; on a loaded machine that work can still exceed them, so the upper bound allows for the same
        // transfer's time with delay 0, measured here.
        const timeWith = async (delayUs) => {
            const proxy = await proxyTo(server, `sub${delayUs}`, sender.address, [{ type: 'slicer', attributes: { average_size: 1, size_variation: 0, delay: delayUs } }]);
            const ms = await timeReply(proxyPort(proxy), 2000);
            await server.collection.remove(`sub${delayUs}`);
            return ms;
        };
        const own = await timeWith(0);
        for (const delayUs of [250, 500]) {
            const ms = await timeWith(delayUs);
            const expected = (1999 * delayUs) / 1000;
            console.log(`slicer ${delayUs} µs: 2000 slices, request to last byte ${ms.toFixed(1)} ms (expected ${expected.toFixed(1)} ± 20%; with delay 0 it took ${own.toFixed(1)} ms)`);
            assert.ok(ms >= expected * 0.8, `${ms.toFixed(1)} ms for ${expected.toFixed(1)} ms of delays`);
            assert.ok(ms <= expected * 1.2 + own, `${ms.toFixed(1)} ms for ${expected.toFixed(1)} ms of delays (+ ${own.toFixed(1)} ms of the proxy's own time)`);
        }
    });
    it('a 10 µs delay is not floored at a timer tick: 64 KB in 64-byte slices well under real Toxiproxy\'s 0.2-0.5 s', async () => {
        const big = await startSendServer(() => pattern(65_536));
        try {
            const proxy = await proxyTo(server, 'ten', big.address, [{ type: 'slicer', attributes: { average_size: 64, size_variation: 0, delay: 10 } }]);
            const ms = await timeReply(proxyPort(proxy), 65_536);
            // 1024-2048 slices at 10 µs are 10-20 ms of delays; a 1 ms floor per slice would make it over a second.
            console.log(`slicer 10 µs, 64 KB in 64-byte slices: ${ms.toFixed(1)} ms (was ~1200 ms with a per-slice timer)`);
            assert.ok(ms < 500, `${ms.toFixed(1)} ms`);
            assert.ok(ms >= 1023 * 0.01 - 1, `${ms.toFixed(1)} ms: faster than the delays allow`);
            await server.collection.remove('ten');
        }
        finally {
            await big.close();
        }
    });
});
//# sourceMappingURL=toxic-slicer.test.js.map