import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { after, describe, test } from 'node:test';
import { decodeHistogram } from '../../../../src/metrics/histogram.js';
import { runLoad } from '../../../../src/systems/http/run-load.js';

/** A Node HTTP server on 127.0.0.1 that notes when each request arrived (ms, performance.now()). */
async function startServer(handle: (res: http.ServerResponse, arrivedMs: number) => void = (res) => res.end('ok')) {
  const arrivals: number[] = [];
  const server = http.createServer((req, res) => {
    const now = performance.now();
    arrivals.push(now);
    req.resume();
    handle(res, now);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, arrivals, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const GET = [{ method: 'GET', path: '/' }];
const servers: { close: () => Promise<void> }[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

describe('HTTP load generator', { timeout: 60_000 }, () => {
  test('the open model holds its rate: rate × duration requests due, all sent, spread over the duration', async () => {
    const server = await startServer();
    servers.push(server);
    const rate = 400;
    const durationMs = 3000;
    const r = await runLoad({ origin: server.origin, requests: GET, connections: 8, pipelining: 1, workers: 2, durationMs, arrival: { startRate: rate, stages: [{ target: rate, durationMs }] } });
    const expected = (rate * durationMs) / 1000;
    assert.equal(r.model, 'open');
    assert.equal(r.due, expected);
    assert.equal(r.sent + r.shortfall, r.due);
    // A loaded machine may leave a few unsent at the very end, never more than 2 %.
    assert.ok(r.sent >= expected * 0.98, `sent ${r.sent} of ${expected}`);
    assert.equal(server.arrivals.length, r.sent);
    assert.deepEqual(r.statuses, { '200': r.sent });
    // Spread over the duration, not sent in a burst: the server saw them over about 3 s, half in each half.
    const first = Math.min(...server.arrivals);
    const span = Math.max(...server.arrivals) - first;
    assert.ok(span > durationMs * 0.9 && span < durationMs + 1500, `arrivals spread over ${span} ms`);
    const firstHalf = server.arrivals.filter((t) => t - first < durationMs / 2).length;
    assert.ok(Math.abs(firstHalf - expected / 2) < expected * 0.1, `${firstHalf} of ${expected} in the first half`);
    const corrected = decodeHistogram(r.corrected as string);
    assert.equal(corrected.totalCount, r.responses);
    assert.equal(decodeHistogram(r.uncorrected).totalCount, r.responses);
    // Every sent request's lateness (due → send) is part of its corrected latency (due → response), so with
    // every request answered each percentile of the lateness is at most the corrected one.
    const late = decodeHistogram(r.sendLateness as string);
    assert.equal(late.totalCount, r.sent);
    assert.equal(r.responses, r.sent);
    for (const q of [50, 90, 99, 100]) assert.ok(late.getValueAtPercentile(q) <= corrected.getValueAtPercentile(q), `p${q}: sent late ${late.getValueAtPercentile(q)} µs, corrected ${corrected.getValueAtPercentile(q)} µs`);
  });

  test('a server that stalls for 1 s every 3 s shows the stall in the corrected p99 and p99.9, hardly in the uncorrected ones', async () => {
    const STALL = 1000;
    const PERIOD = 3000;
    let t0: number | undefined;
    /** Stalls that held at least one request, by index. */
    const stallsSeen = new Set<number>();
    const server = await startServer((res, now) => {
      t0 ??= now;
      const since = now - t0 - 1000;
      const k = Math.floor(since / PERIOD);
      const intoStall = since - k * PERIOD;
      if (since >= 0 && intoStall < STALL) {
        stallsSeen.add(k);
        setTimeout(() => res.end('ok'), STALL - intoStall);
      } else {
        res.end('ok');
      }
    });
    servers.push(server);
    const rate = 300;
    const durationMs = 6500;
    const connections = 4;
    const r = await runLoad({ origin: server.origin, requests: GET, connections, pipelining: 1, workers: 1, durationMs, arrival: { startRate: rate, stages: [{ target: rate, durationMs }] } });
    const corrected = decodeHistogram(r.corrected as string);
    const uncorrected = decodeHistogram(r.uncorrected);
    const n = stallsSeen.size;
    assert.ok(n >= 2, `stalls during the run: ${n}`);
    // A request due x ms into a stall cannot complete before the stall ends: its corrected latency is at
    // least STALL − x. Requests fall due evenly, so the share with latency ≥ L is at least
    // n·(STALL − L)/duration, and the q-th percentile is at least STALL − (1 − q)·duration/n.
    const floor = (q: number): number => STALL - ((1 - q) * durationMs) / n;
    const ms = (us: number): number => us / 1000;
    const p99 = ms(corrected.getValueAtPercentile(99));
    const p999 = ms(corrected.getValueAtPercentile(99.9));
    assert.ok(p99 >= floor(0.99) * 0.95, `corrected p99 ${p99} ms, expected ≥ ${floor(0.99)} ms`);
    assert.ok(p999 >= floor(0.999) * 0.95, `corrected p99.9 ${p999} ms, expected ≥ ${floor(0.999)} ms`);
    assert.ok(p99 < STALL + 1000, `corrected p99 ${p99} ms is more than the stall explains`);
    // Only the requests already on the connections when a stall began waited it out from their send: at
    // most `connections` per stall, a share far below 1 %, so the uncorrected p99 is an ordinary latency
    // (what a closed-model tool would report), while its max still holds a stalled request.
    const held = connections * n;
    assert.ok(held / r.responses < 0.01);
    const up99 = ms(uncorrected.getValueAtPercentile(99));
    assert.ok(up99 < floor(0.99) / 4, `uncorrected p99 ${up99} ms should not show the stall (corrected ${p99} ms)`);
    assert.ok(ms(uncorrected.maxValue) >= STALL * 0.5, `uncorrected max ${ms(uncorrected.maxValue)} ms`);
    assert.equal(uncorrected.totalCount, corrected.totalCount);
    // While a stall holds every connection, the requests falling due wait for one: sent late by up to the stall.
    const late = decodeHistogram(r.sendLateness as string);
    assert.ok(ms(late.maxValue) >= STALL * 0.5, `sent late at most ${ms(late.maxValue)} ms through ${n} stalls`);
  });

  test('several workers: the merged histograms count every response once, as the server counted them', async () => {
    const server = await startServer();
    servers.push(server);
    const r = await runLoad({ origin: server.origin, requests: [{ method: 'POST', path: '/a', body: 'x'.repeat(100) }, ...GET], connections: 6, pipelining: 2, workers: 3, durationMs: 1500 });
    assert.equal(r.model, 'closed');
    assert.equal(r.corrected, undefined);
    assert.equal(r.sendLateness, undefined);
    assert.ok(r.responses > 100, `only ${r.responses} responses`);
    assert.equal(r.responses + Object.values(r.errors).reduce((a, b) => a + b, 0), r.sent);
    assert.equal(server.arrivals.length, r.sent);
    assert.equal(decodeHistogram(r.uncorrected).totalCount, r.responses);
    assert.equal(r.bytesReceived, r.responses * 2);
  });

  test('a target that refuses connections: errors by kind, every request accounted for', async () => {
    const server = await startServer();
    await server.close();
    const r = await runLoad({ origin: server.origin, requests: GET, connections: 2, pipelining: 1, workers: 1, durationMs: 500, arrival: { startRate: 100, stages: [{ target: 100, durationMs: 500 }] } });
    const shown = JSON.stringify({ ...r, corrected: undefined, uncorrected: undefined });
    assert.equal(r.responses, 0, shown);
    assert.equal(r.due, 50, shown);
    assert.equal(r.sent + r.shortfall, r.due, shown);
    assert.equal(r.errors.ECONNREFUSED, r.sent, shown);
  });
});
