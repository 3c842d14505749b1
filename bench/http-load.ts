import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { decodeHistogram, mergeHistograms } from '../src/metrics/histogram.js';
import type { LoadOptions, LoadResult } from '../src/systems/http/load-options.js';
import { runLoad } from '../src/systems/http/run-load.js';
import { printTable, type BenchResult } from './bench-util.js';

/**
 * duress's HTTP load generator against its peers, all loading one Node HTTP server on 127.0.0.1 (in a
 * child process, so that its CPU is not counted as the load generators'):
 *
 * - closed model, CONNECTIONS connections, no pipelining: autocannon (one thread) vs duress with one worker
 *   thread (and, for information, two); target: duress ≥ 1.0 × autocannon's requests per second.
 * - open model at RATE/s over CONNECTIONS connections: duress vs a reference open-model loop written here,
 *   wrk2-style and independent of duress's code (raw sockets, each connection with its own share of the
 *   schedule, a request sent at its due time or as soon as the connection's previous response is in,
 *   latency from the due time, exact percentiles of every sample); targets: the rate held within 1 % and
 *   corrected p50/p90/p99 within 10 % of the reference's.
 *
 * Each variant runs in slices (SLICE_S closed, OPEN_SLICE_S open), paired in rounds in alternating order,
 * so that load from elsewhere on this shared machine hits both sides of a pair alike. The pass figures are
 * the medians of the rounds' own ratios (duress over its peer in the same round), so one disturbed round
 * does not decide; every round is printed, and the pooled figures beside them.
 *
 * CPU is the bench process's user + system time (autocannon and the reference run on the main thread,
 * duress in its worker threads: process.cpuUsage covers all threads), for the load itself: autocannon's
 * whole call, the reference's run after its connections are open, duress's run from runLoad's onStart
 * (workers ready) to its end. duress's start-up (a worker thread, its modules, the warm-up against a local
 * server, the connections) is printed apart, per run: it is paid once per run, not per request.
 *
 * What the two open-model generators share, checked: the same schedule (request k due at k/RATE s from a
 * start just after the connections are open), the same 50 connections, latency from the due time to the
 * end of the response (the coordinated-omission correction), a percentile as the smallest value with q %
 * of the samples at or below it (duress's HDR histogram reads the top of a 0.1 % bucket). What differs:
 * a request of the reference waits for its own connection (k mod 50, as wrk2), duress's for any free one,
 * which differs only when a response takes longer than 50 requests' spacing (25 ms here). Both send on
 * Node's timers, whose granularity is 1 ms; each generator's own send lateness (sent − due, a part of every
 * corrected figure, as in wrk2; duress's from LoadResult.sendLateness) is printed: at this rate it is most
 * of a sub-millisecond server's p50, so what is left of a p50 difference is the time from the hand-over to
 * the response (undici's client path against the reference's raw socket), printed too: duress's
 * uncorrected latency beside the reference's socket.write to response. undici holds each write on an idle
 * keep-alive connection for one event-loop turn (see LoadThread's #tick), and every connection is idle when
 * its request falls due at this rate, so that figure includes the turn.
 */
const CONNECTIONS = 50;
const RATE = Number(process.env.DURESS_BENCH_HTTP_RATE ?? 2000);
const SLICE_S = Number(process.env.DURESS_BENCH_HTTP_SLICE_S ?? 5);
const ROUNDS = Number(process.env.DURESS_BENCH_HTTP_ROUNDS ?? 5);
/** The open model's latency is noisier on a shared machine: more, shorter slices. */
const OPEN_ROUNDS = Number(process.env.DURESS_BENCH_HTTP_OPEN_ROUNDS ?? 5);
const OPEN_SLICE_S = Number(process.env.DURESS_BENCH_HTTP_OPEN_SLICE_S ?? 4);
const BODY = 'hello world';

interface Closed {
  requests: number;
  seconds: number;
  /** CPU of the load itself (see the file's comment). */
  cpuMs: number;
  /** duress only: CPU of the run's start-up, before onStart. */
  startCpuMs?: number;
  errors: number;
}

interface Open {
  due: number;
  sent: number;
  responses: number;
  seconds: number;
  cpuMs: number;
  startCpuMs?: number;
  p50: number;
  p90: number;
  p99: number;
  /** The generator's own send lateness (sent − due), ms, p50 and p99. */
  late50?: number;
  late99?: number;
  /**
   * From the send to the end of the response, ms, p50 and p99: the client's path plus the server's time.
   * duress: its uncorrected latency (from the hand-over to undici); the reference: from its socket.write.
   */
  service50?: number;
  service99?: number;
  /** Every latency (reference) or the encoded corrected histogram (duress), for pooling the rounds. */
  latencies: number[];
  corrected?: string;
}

async function measureCpu<T>(run: () => Promise<T>): Promise<{ value: T; cpuMs: number }> {
  const before = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(before);
  return { value, cpuMs: (used.user + used.system) / 1000 };
}

/** runLoad's CPU split at its onStart: the start-up before it, the load after it. */
async function measureRunLoad(options: Omit<LoadOptions, 'onStart'>): Promise<{ value: LoadResult; startCpuMs: number; cpuMs: number }> {
  const ms = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
  const before = ms(process.cpuUsage());
  let atStart: number | undefined;
  const value = await runLoad({ ...options, onStart: () => (atStart = ms(process.cpuUsage())) });
  const end = ms(process.cpuUsage());
  const start = atStart ?? end;
  return { value, startCpuMs: start - before, cpuMs: end - start };
}

async function startServer(): Promise<{ port: number; child: ChildProcess }> {
  const script = `const s = require('node:http').createServer((q, r) => r.end(${JSON.stringify(BODY)}));
s.keepAliveTimeout = 60000;
s.listen(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  return { port: Number(chunk.toString().trim()), child };
}

async function closedAutocannon(port: number): Promise<Closed> {
  const { value: r, cpuMs } = await measureCpu(() => autocannon({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, pipelining: 1, duration: SLICE_S }));
  return { requests: r.requests.total, seconds: r.duration, cpuMs, errors: r.errors + r.timeouts + r.non2xx };
}

async function closedDuress(port: number, workers: number): Promise<Closed> {
  const { value: r, cpuMs, startCpuMs } = await measureRunLoad({
    origin: `http://127.0.0.1:${port}`,
    requests: [{ method: 'GET', path: '/' }],
    connections: CONNECTIONS,
    pipelining: 1,
    workers,
    durationMs: SLICE_S * 1000,
  });
  return { requests: r.responses, seconds: r.elapsedMs / 1000, cpuMs, startCpuMs, errors: Object.values(r.errors).reduce((a, b) => a + b, 0) + nonOk(r) };
}

const nonOk = (r: LoadResult): number => Object.entries(r.statuses).reduce((n, [code, count]) => n + (code === '200' ? 0 : count), 0);

async function openDuress(port: number): Promise<Open> {
  const durationMs = OPEN_SLICE_S * 1000;
  const { value: r, cpuMs, startCpuMs } = await measureRunLoad({
    origin: `http://127.0.0.1:${port}`,
    requests: [{ method: 'GET', path: '/' }],
    connections: CONNECTIONS,
    pipelining: 1,
    workers: 1,
    durationMs,
    arrival: { startRate: RATE, stages: [{ target: RATE, durationMs }] },
  });
  const h = decodeHistogram(r.corrected as string);
  const ms = (q: number): number => h.getValueAtPercentile(q) / 1000;
  const late = decodeHistogram(r.sendLateness as string);
  const lateMs = (q: number): number => late.getValueAtPercentile(q) / 1000;
  const service = decodeHistogram(r.uncorrected);
  const serviceMs = (q: number): number => service.getValueAtPercentile(q) / 1000;
  return {
    due: r.due,
    sent: r.sent,
    responses: r.responses,
    seconds: OPEN_SLICE_S,
    cpuMs,
    startCpuMs,
    p50: ms(50),
    p90: ms(90),
    p99: ms(99),
    late50: lateMs(50),
    late99: lateMs(99),
    service50: serviceMs(50),
    service99: serviceMs(99),
    latencies: [],
    corrected: r.corrected as string,
  };
}

/**
 * The reference: wrk2's design in a few lines. Connection c of C sends requests c, c + C, c + 2C, … of a
 * schedule with one request every 1/RATE s; each is written at its due time, or when the connection's
 * previous response has arrived if that is later; its latency runs from the due time to the end of its
 * response. The server's responses carry Content-Length and are read by counting bytes.
 */
async function openReference(port: number): Promise<Open> {
  const request = Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  const durationMs = OPEN_SLICE_S * 1000;
  const total = Math.round((RATE * durationMs) / 1000);
  const latencies: number[] = [];
  const lateness: number[] = [];
  const service: number[] = [];
  let sent = 0;
  const sockets = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const s = net.connect(port, '127.0.0.1');
      s.setNoDelay(true);
      await once(s, 'connect');
      return s;
    }),
  );
  const { value: dueCount, cpuMs } = await measureCpu(async () => {
    const start = performance.now() + 20;
    await Promise.all(
      sockets.map(
        (socket, c) =>
          new Promise<void>((resolve) => {
            let k = c;
            let writtenAt = 0;
            let buffered: Buffer = Buffer.alloc(0);
            const dueOf = (i: number): number => start + (i * 1000) / RATE;
            // Node's timers may fire up to 1 ms early: the request waits again rather than go before its time.
            const next = (): void => {
              if (k >= total) return resolve();
              const wait = dueOf(k) - performance.now();
              if (wait > 0) setTimeout(next, wait);
              else write();
            };
            const write = (): void => {
              sent++;
              writtenAt = performance.now();
              lateness.push(writtenAt - dueOf(k));
              socket.write(request);
            };
            socket.on('data', (chunk: Buffer) => {
              buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
              for (;;) {
                const headerEnd = buffered.indexOf('\r\n\r\n');
                if (headerEnd < 0) return;
                const length = Number(/content-length: *(\d+)/i.exec(buffered.subarray(0, headerEnd).toString('latin1'))?.[1] ?? 0);
                const end = headerEnd + 4 + length;
                if (buffered.length < end) return;
                buffered = buffered.subarray(end);
                const now = performance.now();
                latencies.push(now - dueOf(k));
                service.push(now - writtenAt);
                k += CONNECTIONS;
                next();
              }
            });
            next();
          }),
      ),
    );
    return total;
  });
  for (const s of sockets) s.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const late = lateness.sort((a, b) => a - b);
  const serviceSorted = service.sort((a, b) => a - b);
  return {
    due: dueCount,
    sent,
    responses: sorted.length,
    seconds: OPEN_SLICE_S,
    cpuMs,
    p50: at(sorted, 50),
    p90: at(sorted, 90),
    p99: at(sorted, 99),
    late50: at(late, 50),
    late99: at(late, 99),
    service50: at(serviceSorted, 50),
    service99: at(serviceSorted, 99),
    latencies: sorted,
  };
}

/** The q-th percentile of sorted samples: the smallest value with at least q % of the samples at or below it. */
const at = (sorted: readonly number[], q: number): number => sorted[Math.max(0, Math.ceil((q / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Every round of a variant as one: counts summed, latencies pooled (so both variants meet the same disturbances). */
function pool(xs: Open[]): Open {
  const sum = (pick: (x: Open) => number): number => xs.reduce((n, x) => n + pick(x), 0);
  const base = { due: sum((x) => x.due), sent: sum((x) => x.sent), responses: sum((x) => x.responses), seconds: sum((x) => x.seconds), cpuMs: sum((x) => x.cpuMs), ...(xs.some((x) => x.startCpuMs !== undefined) ? { startCpuMs: sum((x) => x.startCpuMs ?? 0) } : {}), latencies: [] };
  const encoded = xs.map((x) => x.corrected).filter((e): e is string => e !== undefined);
  if (encoded.length > 0) {
    const h = mergeHistograms(encoded.map(decodeHistogram));
    const ms = (q: number): number => h.getValueAtPercentile(q) / 1000;
    return { ...base, p50: ms(50), p90: ms(90), p99: ms(99) };
  }
  const sorted = xs.flatMap((x) => x.latencies).sort((a, b) => a - b);
  return { ...base, p50: at(sorted, 50), p90: at(sorted, 90), p99: at(sorted, 99) };
}

const sumClosed = (xs: Closed[]): Closed => ({
  requests: xs.reduce((n, x) => n + x.requests, 0),
  seconds: xs.reduce((n, x) => n + x.seconds, 0),
  cpuMs: xs.reduce((n, x) => n + x.cpuMs, 0),
  ...(xs.some((x) => x.startCpuMs !== undefined) ? { startCpuMs: xs.reduce((n, x) => n + (x.startCpuMs ?? 0), 0) } : {}),
  errors: xs.reduce((n, x) => n + x.errors, 0),
});

/** The median of some numbers (the mean of the middle two for an even count). */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const range = (xs: readonly number[]): string => `${Math.min(...xs).toFixed(3)} .. ${Math.max(...xs).toFixed(3)}`;

export async function benchHttpLoad(): Promise<BenchResult> {
  const { port, child } = await startServer();
  const closed: Record<'autocannon' | 'duress1' | 'duress2', Closed[]> = { autocannon: [], duress1: [], duress2: [] };
  const open: Record<'duress' | 'reference', Open[]> = { duress: [], reference: [] };
  const loadAverages: number[] = [];
  try {
    // Warm up the server and both clients' code paths.
    await closedAutocannon(port).catch(() => undefined);
    await closedDuress(port, 1);
    for (let round = 0; round < ROUNDS; round++) {
      loadAverages.push(os.loadavg()[0] as number);
      const order = round % 2 === 0 ? (['autocannon', 'duress1', 'duress2'] as const) : (['duress2', 'duress1', 'autocannon'] as const);
      for (const v of order) closed[v].push(v === 'autocannon' ? await closedAutocannon(port) : await closedDuress(port, v === 'duress1' ? 1 : 2));
    }
    for (let round = 0; round < OPEN_ROUNDS; round++) {
      loadAverages.push(os.loadavg()[0] as number);
      const openOrder = round % 2 === 0 ? (['duress', 'reference'] as const) : (['reference', 'duress'] as const);
      for (const v of openOrder) open[v].push(v === 'duress' ? await openDuress(port) : await openReference(port));
    }
  } finally {
    child.kill();
  }
  const c = { autocannon: sumClosed(closed.autocannon), duress1: sumClosed(closed.duress1), duress2: sumClosed(closed.duress2) };
  const rps = (x: Closed): number => x.requests / x.seconds;
  const usPerReq = (x: { cpuMs: number; requests?: number; responses?: number }): number => (x.cpuMs * 1000) / (x.requests ?? x.responses ?? Number.NaN);
  const roundRatios = closed.duress1.map((d, i) => rps(d) / rps(closed.autocannon[i] as Closed));
  const ratio1 = median(roundRatios);
  const cpuRatios = closed.duress1.map((d, i) => usPerReq(d) / usPerReq(closed.autocannon[i] as Closed));
  const closedRow = (x: Closed): string =>
    `${rps(x).toFixed(0)} req/s, ${usPerReq(x).toFixed(1)} µs CPU/req` + (x.startCpuMs !== undefined ? `, start-up ${(x.startCpuMs / 1000 / ROUNDS).toFixed(2)} s CPU per run` : '');
  printTable(`closed model, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SLICE_S} s each, server: Node http in a child process`, [
    ['autocannon, all rounds', closedRow(c.autocannon)],
    ['duress 1 worker, all rounds', closedRow(c.duress1)],
    ['duress 2 workers, all rounds', closedRow(c.duress2)],
    ...closed.autocannon.map((a, i): [string, string] => [
      `  round ${i + 1}: autocannon | duress 1 | duress 2`,
      `${rps(a).toFixed(0)} | ${rps(closed.duress1[i] as Closed).toFixed(0)} | ${rps(closed.duress2[i] as Closed).toFixed(0)} req/s; duress 1 / autocannon ${(roundRatios[i] as number).toFixed(3)}`,
    ]),
    ['duress 1 worker / autocannon req/s, median of rounds (target >= 1.0)', `${ratio1.toFixed(3)} (rounds ${range(roundRatios)}; pooled ${(rps(c.duress1) / rps(c.autocannon)).toFixed(3)})`],
    ['duress 1 worker / autocannon CPU per request, median of rounds', `${median(cpuRatios).toFixed(3)} (rounds ${range(cpuRatios)})`],
    ['errors (autocannon, duress 1, duress 2)', `${c.autocannon.errors}, ${c.duress1.errors}, ${c.duress2.errors}`],
  ]);
  const d = pool(open.duress);
  const r = pool(open.reference);
  const held = (x: Open): number => x.sent / (RATE * x.seconds);
  const quantiles = ['p50', 'p90', 'p99'] as const;
  const openRatios = Object.fromEntries(quantiles.map((q) => [q, open.duress.map((x, i) => x[q] / (open.reference[i] as Open)[q])])) as Record<(typeof quantiles)[number], number[]>;
  const ratios = { p50: median(openRatios.p50), p90: median(openRatios.p90), p99: median(openRatios.p99) };
  const rateHeld = Math.min(...open.duress.map(held));
  const row = (x: Open): string =>
    `sent ${x.sent}/${x.due} (${(held(x) * 100).toFixed(2)} %), p50 ${x.p50.toFixed(3)} ms, p90 ${x.p90.toFixed(3)} ms, p99 ${x.p99.toFixed(3)} ms, ` +
    `${usPerReq(x).toFixed(1)} µs CPU/req` +
    (x.startCpuMs !== undefined ? `, start-up ${(x.startCpuMs / 1000).toFixed(2)} s CPU` : '') +
    (x.late50 !== undefined ? `, sent late by p50 ${x.late50.toFixed(3)} / p99 ${(x.late99 as number).toFixed(3)} ms` : '') +
    (x.service50 !== undefined ? `, send to response p50 ${x.service50.toFixed(3)} / p99 ${(x.service99 as number).toFixed(3)} ms` : '');
  printTable(`open model, ${RATE}/s over ${CONNECTIONS} connections, ${OPEN_ROUNDS} rounds × ${OPEN_SLICE_S} s each`, [
    ['duress (corrected latency), all rounds pooled', row(d)],
    ['reference wrk2-style loop, all rounds pooled', row(r)],
    ...open.duress.map((x, i): [string, string] => [`  duress round ${i + 1}`, row(x)]),
    ...open.reference.map((x, i): [string, string] => [`  reference round ${i + 1}`, row(x)]),
    ['duress rate held, worst round (target >= 99 %)', `${(rateHeld * 100).toFixed(2)} %`],
    ['duress / reference p50, p90, p99, median of rounds (target 0.9 .. 1.1)', `${ratios.p50.toFixed(3)}, ${ratios.p90.toFixed(3)}, ${ratios.p99.toFixed(3)}`],
    ['  the same, rounds (min .. max)', quantiles.map((q) => range(openRatios[q])).join(', ')],
    ['  the same, rounds pooled', `${(d.p50 / r.p50).toFixed(3)}, ${(d.p90 / r.p90).toFixed(3)}, ${(d.p99 / r.p99).toFixed(3)}`],
    [
      'sent late (sent − due, part of each corrected latency), p50 median of rounds: duress | reference',
      `${median(open.duress.map((x) => x.late50 as number)).toFixed(3)} | ${median(open.reference.map((x) => x.late50 as number)).toFixed(3)} ms`,
    ],
    [
      'send to response (duress: hand-over to undici, its uncorrected latency; reference: socket.write), p50 median of rounds: duress | reference',
      `${median(open.duress.map((x) => x.service50 as number)).toFixed(3)} | ${median(open.reference.map((x) => x.service50 as number)).toFixed(3)} ms`,
    ],
    ['load average (1 min) at the rounds\' starts, this machine has ' + os.availableParallelism() + ' cores', loadAverages.map((l) => l.toFixed(1)).join(' ')],
  ]);
  const within = (x: number): boolean => x >= 0.9 && x <= 1.1;
  return {
    name: 'http-load',
    metrics: {
      autocannonRps: rps(c.autocannon),
      duress1Rps: rps(c.duress1),
      duress2Rps: rps(c.duress2),
      closedRatio: ratio1,
      autocannonCpuUsPerReq: usPerReq(c.autocannon),
      duress1CpuUsPerReq: usPerReq(c.duress1),
      duress1StartCpuSPerRun: (c.duress1.startCpuMs ?? 0) / 1000 / ROUNDS,
      openRateHeld: rateHeld,
      openP50Ratio: ratios.p50,
      openP90Ratio: ratios.p90,
      openP99Ratio: ratios.p99,
      openDuressCpuUsPerReq: usPerReq(d),
      openReferenceCpuUsPerReq: usPerReq(r),
      openDuressLate50Ms: median(open.duress.map((x) => x.late50 as number)),
      openReferenceLate50Ms: median(open.reference.map((x) => x.late50 as number)),
      openDuressService50Ms: median(open.duress.map((x) => x.service50 as number)),
      openReferenceService50Ms: median(open.reference.map((x) => x.service50 as number)),
      openDuressStartCpuSPerRun: (d.startCpuMs ?? 0) / 1000 / OPEN_ROUNDS,
      maxLoadAverage: Math.max(...loadAverages),
    },
    pass: ratio1 >= 1 && rateHeld >= 0.99 && within(ratios.p50) && within(ratios.p90) && within(ratios.p99),
  };
}
