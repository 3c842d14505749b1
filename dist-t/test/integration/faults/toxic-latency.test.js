import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { proxyPort, proxyTo, roundTrip, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, median, startEchoServer, within } from '../../helpers/tcp-servers.js';
describe('latency toxic through real sockets', { timeout: 90_000 }, () => {
    let server;
    let echo;
    before(async () => {
        echo = await startEchoServer();
        ({ server } = await startToxiproxy());
    });
    after(async () => {
        await server.stop();
        await echo.close();
    });
    it('adds its value: median added delay within 5 ms of 100 ms over 20 round trips', async () => {
        const proxy = await proxyTo(server, 'lat', echo.address);
        const s = await connect(proxyPort(proxy));
        try {
            const base = [];
            for (let i = 0; i < 20; i++)
                base.push(await roundTrip(s));
            await proxy.addToxic({ name: 'l', type: 'latency', attributes: { latency: 100 } });
            const slow = [];
            for (let i = 0; i < 20; i++)
                slow.push(await roundTrip(s));
            const added = median(slow) - median(base);
            console.log(`latency 100 ms: median added ${added.toFixed(2)} ms (expected 100 ± 5; baseline median ${median(base).toFixed(2)} ms)`);
            assert.ok(Math.abs(added - 100) <= 5, `added ${added.toFixed(2)} ms`);
        }
        finally {
            s.destroy();
            await server.collection.remove('lat');
        }
    });
    it('applies per direction: upstream and downstream latencies add up', async () => {
        const proxy = await proxyTo(server, 'both', echo.address, [
            { name: 'up', type: 'latency', stream: 'upstream', attributes: { latency: 40 } },
            { name: 'down', type: 'latency', stream: 'downstream', attributes: { latency: 60 } },
        ]);
        const s = await connect(proxyPort(proxy));
        try {
            const trips = [];
            for (let i = 0; i < 5; i++)
                trips.push(await roundTrip(s));
            console.log(`latency 40 up + 60 down: median round trip ${median(trips).toFixed(2)} ms (expected ≈ 100)`);
            assert.ok(median(trips) >= 98 && median(trips) < 115, `median ${median(trips).toFixed(2)} ms`);
        }
        finally {
            s.destroy();
            await server.collection.remove('both');
        }
    });
    it('counts the time a chunk already spent waiting: two chunks 50 ms apart both take ≈100 ms', async () => {
        const proxy = await proxyTo(server, 'pipe', echo.address, [{ type: 'latency', attributes: { latency: 100 } }]);
        const s = await connect(proxyPort(proxy));
        try {
            const arrivals = [];
            const both = new Promise((resolve) => s.on('data', (d) => {
                for (let i = 0; i < d.length; i++)
                    arrivals.push(performance.now());
                if (arrivals.length >= 2)
                    resolve();
            }));
            const t0 = performance.now();
            s.write('A');
            await new Promise((r) => setTimeout(r, 50));
            const t1 = performance.now();
            s.write('B');
            await within(5000, 'both chunks', both);
            const a = arrivals[0] - t0;
            const b = arrivals[1] - t1;
            console.log(`chunk A took ${a.toFixed(1)} ms, chunk B ${b.toFixed(1)} ms (expected ≈ 100 each)`);
            assert.ok(a >= 98 && a < 130, `A: ${a.toFixed(1)} ms`);
            assert.ok(b >= 98 && b < 130, `B: ${b.toFixed(1)} ms`);
        }
        finally {
            s.destroy();
            await server.collection.remove('pipe');
        }
    });
    it('never delivers early: 10,000 round trips over 25 connections, none under the set 4 ms', async () => {
        // Toxiproxy's Go timers never fire early; Node's can fire up to ~1 ms before performance.now() says the
        // time has passed, which the toxic must make up for. Each round trip is timed on the client from just
        // before its write, so a reply delivered at its deadline (read time + 4 ms) can never measure under 4 ms.
        const LATENCY = 4;
        const CONNECTIONS = 25;
        const PER_CONNECTION = 400;
        const proxy = await proxyTo(server, 'early', echo.address, [{ type: 'latency', attributes: { latency: LATENCY } }]);
        const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, () => connect(proxyPort(proxy))));
        try {
            const trips = [];
            const t0 = performance.now();
            await within(60_000, '10,000 round trips', Promise.all(sockets.map(async (s) => {
                for (let i = 0; i < PER_CONNECTION; i++)
                    trips.push(await roundTrip(s, 8));
            })));
            const under = trips.filter((t) => t < LATENCY);
            console.log(`latency ${LATENCY} ms: ${trips.length} round trips in ${(performance.now() - t0).toFixed(0)} ms; ` +
                `min ${Math.min(...trips).toFixed(3)} ms, median ${median(trips).toFixed(3)} ms, ${under.length} under ${LATENCY} ms`);
            assert.equal(trips.length, CONNECTIONS * PER_CONNECTION);
            assert.equal(under.length, 0, `round trips under ${LATENCY} ms: ${under.slice(0, 10).map((t) => t.toFixed(3)).join(', ')}`);
        }
        finally {
            for (const s of sockets)
                s.destroy();
            await server.collection.remove('early');
        }
    });
    it('jitter stays within latency ± jitter', async () => {
        const proxy = await proxyTo(server, 'jit', echo.address, [{ type: 'latency', attributes: { latency: 60, jitter: 20 } }]);
        const s = await connect(proxyPort(proxy));
        try {
            const trips = [];
            for (let i = 0; i < 15; i++)
                trips.push(await roundTrip(s));
            console.log(`latency 60 ± 20: round trips ${trips.map((t) => t.toFixed(0)).join(' ')} ms`);
            // Never earlier than latency - jitter; later only by what a loaded machine adds, so the upper bound is
            // held by the median and by all but two round trips.
            for (const t of trips)
                assert.ok(t >= 39, `${t.toFixed(1)} ms is under 60 - 20`);
            assert.ok(median(trips) < 85, `median ${median(trips).toFixed(1)} ms above 60 + 20 (+ slack)`);
            assert.ok(trips.filter((t) => t >= 95).length <= 2, `more than two round trips above 80 ms (+ slack): ${trips.map((t) => t.toFixed(0)).join(' ')}`);
            assert.ok(Math.max(...trips) - Math.min(...trips) > 5, 'jitter should vary the delay');
        }
        finally {
            s.destroy();
            await server.collection.remove('jit');
        }
    });
});
//# sourceMappingURL=toxic-latency.test.js.map