import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ToxicInput } from '../../../src/faults/toxic-collection.js';
import { proxyPort, proxyTo, roundTrip, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, startEchoServer, type TestServer } from '../../helpers/tcp-servers.js';

/**
 * The latency toxic's delay in these tests, and the round trip at or over which it counts as applied: a
 * slowed round trip takes at least LATENCY_MS (less a timer's early firing), while an unslowed one on
 * loopback would need a stall of SLOWED_MS to be miscounted, which a loaded 2-core machine does not give.
 */
const LATENCY_MS = 100;
const SLOWED_MS = 95;

/** One round trip on each of `n` fresh connections; true where the latency toxic applied. */
async function applied(seed: number, echo: TestServer, toxic: ToxicInput, n: number): Promise<boolean[]> {
  const { server } = await startToxiproxy(seed);
  try {
    const proxy = await proxyTo(server, 'p', echo.address, [toxic]);
    const out: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const s = await connect(proxyPort(proxy));
      out.push((await roundTrip(s)) >= SLOWED_MS);
      s.destroy();
    }
    return out;
  } finally {
    await server.stop();
  }
}

describe('toxicity is rolled per connection direction from the seeded generator', { timeout: 60_000 }, () => {
  it('0 never applies, 1 always does, 0.5 hits about half of the connections, the same ones for the same seed', async () => {
    const echo = await startEchoServer();
    try {
      const lat = (toxicity: number): ToxicInput => ({ type: 'latency', toxicity, attributes: { latency: LATENCY_MS } });
      assert.deepEqual(await applied(1, echo, lat(0), 10), Array(10).fill(false));
      assert.deepEqual(await applied(1, echo, lat(1), 10), Array(10).fill(true));
      const first = await applied(7, echo, lat(0.5), 40);
      const again = await applied(7, echo, lat(0.5), 40);
      const hits = first.filter(Boolean).length;
      console.log(`toxicity 0.5, seed 7: ${hits}/40 connections slowed: ${first.map((b) => (b ? 'x' : '.')).join('')}`);
      assert.ok(hits >= 10 && hits <= 30, `${hits} of 40`);
      assert.deepEqual(again, first);
    } finally {
      await echo.close();
    }
  });

  it('an update re-rolls on live connections: toxicity 0 → 1 starts applying without reconnecting', async () => {
    const echo = await startEchoServer();
    const { server } = await startToxiproxy(3);
    try {
      const proxy = await proxyTo(server, 'p', echo.address, [{ name: 'l', type: 'latency', toxicity: 0, attributes: { latency: LATENCY_MS } }]);
      const s = await connect(proxyPort(proxy));
      assert.ok((await roundTrip(s)) < SLOWED_MS);
      await proxy.updateToxic('l', { toxicity: 1 });
      assert.ok((await roundTrip(s)) >= SLOWED_MS);
      await proxy.updateToxic('l', { toxicity: 0 });
      assert.ok((await roundTrip(s)) < SLOWED_MS);
      s.destroy();
    } finally {
      await server.stop();
      await echo.close();
    }
  });
});
