import net, { type AddressInfo } from 'node:net';
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
  const server = cannedResponder();
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
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of server.sockets) socket.destroy();
    await closed;
  }
}

/** What the warm-up server answers: a Node HTTP server's usual headers, so undici parses what it will parse in the run. */
const CANNED_RESPONSE = Buffer.from(
  'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: Mon, 07 Dec 2026 00:00:00 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 4\r\n\r\nwarm',
  'latin1',
);
const END_OF_HEAD = Buffer.from('\r\n\r\n', 'latin1');

/**
 * The warm-up's server: one canned response per request head received, without parsing anything else.
 * The warm-up's requests have no body, so a request is its head, ended by a blank line (counted across
 * reads). A Node HTTP server in the same thread spent about as much CPU per request as the client it was
 * warming up; this one spends little beyond its socket calls.
 */
function cannedResponder(): net.Server & { sockets: Set<net.Socket> } {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.setNoDelay(true);
    let tail = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const data = tail.length === 0 ? chunk : Buffer.concat([tail, chunk]);
      let heads = 0;
      let at = data.indexOf(END_OF_HEAD);
      let end = 0;
      while (at >= 0) {
        heads++;
        end = at + END_OF_HEAD.length;
        at = data.indexOf(END_OF_HEAD, end);
      }
      // Keep what could be the start of a split blank line (at most its first 3 bytes).
      tail = Buffer.from(data.subarray(Math.max(end, data.length - (END_OF_HEAD.length - 1))));
      if (heads === 1) socket.write(CANNED_RESPONSE);
      else if (heads > 1) socket.write(Buffer.concat(Array.from({ length: heads }, () => CANNED_RESPONSE)));
    });
    socket.on('error', () => socket.destroy());
  });
  return Object.assign(server, { sockets });
}
