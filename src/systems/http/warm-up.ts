import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client, type Dispatcher } from 'undici';
import type { ArrivalRate } from './load-options.js';

/** Bounds of a warm-up's requests. */
const WARM_UP_MIN_REQUESTS = 200;
const WARM_UP_MAX_REQUESTS = 3000;

/**
 * How many warm-up requests a thread's share of a load calls for: about a second's worth of its peak rate
 * (a light load needs little, and other threads may already be loading the target meanwhile), from 200 to
 * 3000; the most for the closed model, which runs as fast as it can.
 */
export function warmUpRequests(arrival: ArrivalRate | undefined, threads: number): number {
  if (arrival === undefined) return WARM_UP_MAX_REQUESTS;
  const peak = Math.max(arrival.startRate, ...arrival.stages.map((s) => s.target)) / threads;
  return Math.round(Math.min(WARM_UP_MAX_REQUESTS, Math.max(WARM_UP_MIN_REQUESTS, peak)));
}

/**
 * Warms a fresh thread's HTTP client path up before a run, against a server of its own on 127.0.0.1: the
 * target sees no warm-up request.
 *
 * Why: in a new thread, the first second of requests runs through cold code (undici's JavaScript before
 * V8 optimises it, its llhttp WebAssembly parser before it is tiered up). Measured on this project's 2-core
 * machine, a 4 s open-model run at 2000/s from a fresh thread had a corrected p90 of 27 ms; the same run
 * again in the same thread, 1.7 ms. Every run of runLoad starts new worker threads, so without this every
 * run would measure duress's own warm-up as the target's latency.
 */
export async function warmUpHttpClient(options: { requests: number; maxMs: number } = { requests: 3000, maxMs: 1500 }): Promise<void> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.end('warm');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients = Array.from({ length: 4 }, () => new Client(origin, { pipelining: 1 }));
  const deadline = performance.now() + options.maxMs;
  let left = options.requests;
  const loop = (client: Client): Promise<void> =>
    new Promise((resolve) => {
      const next = (): void => {
        if (left <= 0 || performance.now() > deadline) return resolve();
        left--;
        const handler: Dispatcher.DispatchHandler = {
          onConnect: () => {},
          onHeaders: () => true,
          onData: () => true,
          onComplete: next,
          onError: () => resolve(),
        };
        client.dispatch({ path: '/', method: 'GET', headers: {} }, handler);
      };
      next();
    });
  try {
    await Promise.all(clients.map(loop));
  } finally {
    await Promise.allSettled(clients.map((c) => c.destroy()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
