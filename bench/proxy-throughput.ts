import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { printTable, type BenchResult } from './bench-util.js';
import { findToxiproxyServer, startRealToxiproxy } from './toxiproxy-server.js';

/**
 * Throughput and latency through the fault proxy with no toxics, side by side with a direct connection,
 * a bare Node pipe proxy (`c.pipe(net.connect(up)).pipe(c)`) and, when one is found (TOXIPROXY_SERVER or
 * `toxiproxy-server` on the PATH), a real Toxiproxy server, all on loopback. The servers and each Node
 * proxy run in worker threads so the load generator (this thread) does not share a thread with them.
 *
 * Targets: (a) small round trips over 50 connections, proxy / bare pipe ≥ 0.9; (b) bulk transfers (7 rounds
 * of 100 MiB on one connection per variant, variants alternating, median round), proxy / bare pipe ≥ 1.0
 * (issue 12) and proxy / real Toxiproxy ≥ 1.0 (when present); (c) added median latency of a small request on
 * an idle connection < 0.2 ms.
 *
 * Both Node proxies are alike where the comparison could be unfair: each runs in its own worker thread of
 * this process, gets the same 64 KiB writes on one connection, and forwards to the same sink. They differ
 * in one socket option: the bare pipe keeps Node's default (Nagle on), duress sets noDelay on its sockets as
 * Toxiproxy's Go sockets have it.
 *
 * Bulk has a second bare pipe, `bareHeap`: the same pipe in a worker that has first loaded duress's proxy
 * modules, as the duress worker has. Those modules take the worker's heap from about 4 to 7.5 MB, to V8's
 * 8 MB activation threshold for incremental marking; there, the garbage of every read (Node allocates a
 * Buffer of up to 64 KiB per read for whoever reads the default way) brings a mark-compact every 30-40 MiB,
 * where the bare worker's small heap has one or two per GiB. duress's proxy reads into a reused buffer
 * (src/faults/socket-reader.ts) and so makes no such garbage: the table shows the major GCs and CPU of each
 * proxy thread, and the like-heap pipe shows what the default way of reading costs in a heap of duress's size.
 */

type Role =
  | { role: 'servers' }
  | { role: 'bare'; upstream: number[]; withDuressModules?: boolean }
  | { role: 'duress'; upstream: number[] };

const SMALL = 100;
const CONNECTIONS = 50;
/** Measurements alternate between the variants in short slices, so load from elsewhere hits all alike. */
const ROUNDS = 6;
const ROUND_TRIP_SLICE_MS = 500;
/** Bulk: BULK_ROUNDS transfers of BULK_ROUND_BYTES per variant, one connection each, variants alternating. */
const BULK_ROUNDS = 7;
const BULK_ROUND_BYTES = 100 * 1024 * 1024;
const LATENCY_SAMPLES = 600;
const IDLE_MS = 2;

type Variant = 'direct' | 'bare' | 'duress' | 'toxiproxy';
/** The bulk rounds' variants: those above and the bare pipe in a heap like duress's. */
type BulkVariant = Variant | 'bareHeap';

interface Figures {
  roundTripsPerSec: number;
  bulkMBps: number;
  medianLatencyMs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/** The variants in a different order each round. */
const orderFor = <V extends string>(variants: readonly V[], round: number): V[] => {
  const o = [...variants];
  for (let i = 0; i < round % 3; i++) o.push(o.shift() as V);
  return round % 2 ? o.reverse() : o;
};

export async function benchProxyThroughput(): Promise<BenchResult & { figures: Partial<Record<Variant, Figures>> }> {
  const servers = await startWorker({ role: 'servers' });
  const [echoPort, sinkPort] = servers.ports as [number, number];
  const bare = await startWorker({ role: 'bare', upstream: [echoPort, sinkPort] });
  const bareHeap = await startWorker({ role: 'bare', upstream: [echoPort, sinkPort], withDuressModules: true });
  const ours = await startWorker({ role: 'duress', upstream: [echoPort, sinkPort] });
  const binary = findToxiproxyServer();
  const real = binary ? await startRealToxiproxy(binary, [echoPort, sinkPort]) : undefined;
  process.stdout.write(real ? `real Toxiproxy ${real.version} (${binary})\n` : 'no real Toxiproxy (set TOXIPROXY_SERVER or put toxiproxy-server on the PATH): compared with the bare pipe only\n');
  const variants: Variant[] = real ? ['direct', 'bare', 'duress', 'toxiproxy'] : ['direct', 'bare', 'duress'];
  const targets: Partial<Record<Variant, [number, number]>> = {
    direct: [echoPort, sinkPort],
    bare: bare.ports as [number, number],
    duress: ours.ports as [number, number],
    ...(real ? { toxiproxy: real.ports as [number, number] } : {}),
  };
  const target = (v: Variant): [number, number] => targets[v] as [number, number];
  const trips: Record<Variant, number[]> = { direct: [], bare: [], duress: [], toxiproxy: [] };
  const bulkVariants: BulkVariant[] = [...variants, 'bareHeap'];
  const bulkSecs: Record<BulkVariant, number[]> = { direct: [], bare: [], bareHeap: [], duress: [], toxiproxy: [] };
  /** CPU seconds (Linux; 0 elsewhere), major GCs and GC milliseconds of each Node proxy's thread in the bulk rounds. */
  const zero = (): ThreadLoad => ({ cpuSecs: 0, majorGcs: 0, gcMs: 0 });
  const bulkLoad: Record<'bare' | 'bareHeap' | 'duress', ThreadLoad> = { bare: zero(), bareHeap: zero(), duress: zero() };
  let latency: Record<Variant, number[]>;
  try {
    for (const v of variants) await roundTrips(target(v)[0], 300);
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of orderFor(variants, round)) trips[v].push(await roundTrips(target(v)[0], ROUND_TRIP_SLICE_MS));
    }
    for (let round = 0; round < BULK_ROUNDS; round++) {
      for (const v of orderFor(bulkVariants, round)) {
        const node = v === 'bare' || v === 'bareHeap' || v === 'duress' ? v : undefined;
        const worker = node && { bare, bareHeap, duress: ours }[node].worker;
        const before = worker ? await threadLoad(worker) : zero();
        bulkSecs[v].push(await bulk(v === 'bareHeap' ? (bareHeap.ports[1] as number) : target(v)[1], BULK_ROUND_BYTES));
        if (node && worker) {
          const after = await threadLoad(worker);
          const sum = bulkLoad[node];
          sum.cpuSecs += after.cpuSecs - before.cpuSecs;
          sum.majorGcs += after.majorGcs - before.majorGcs;
          sum.gcMs += after.gcMs - before.gcMs;
        }
      }
    }
    latency = await idleLatency(variants, (v) => target(v)[0]);
  } finally {
    await Promise.all([servers.worker.terminate(), bare.worker.terminate(), bareHeap.worker.terminate(), ours.worker.terminate(), real?.stop()]);
  }
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const figures: Partial<Record<Variant, Figures>> = {};
  for (const v of variants) {
    figures[v] = {
      roundTripsPerSec: (sum(trips[v]) / (ROUNDS * ROUND_TRIP_SLICE_MS)) * 1000,
      // The median round: one slow round (another process on the shared machine) moves it least.
      bulkMBps: median(bulkSecs[v].map((secs) => BULK_ROUND_BYTES / 1e6 / secs)),
      medianLatencyMs: median(latency[v]),
    };
  }
  const bareHeapBulkMBps = median(bulkSecs.bareHeap.map((secs) => BULK_ROUND_BYTES / 1e6 / secs));
  const gib = (BULK_ROUNDS * BULK_ROUND_BYTES) / 2 ** 30;
  const fig = (v: Variant): Figures => figures[v] as Figures;
  const f = { direct: fig('direct'), bare: fig('bare'), duress: fig('duress') };
  const metrics: Record<string, number> = {
    directRoundTripsPerSec: f.direct.roundTripsPerSec,
    bareRoundTripsPerSec: f.bare.roundTripsPerSec,
    duressRoundTripsPerSec: f.duress.roundTripsPerSec,
    roundTripRatio: f.duress.roundTripsPerSec / f.bare.roundTripsPerSec,
    directBulkMBps: f.direct.bulkMBps,
    bareBulkMBps: f.bare.bulkMBps,
    duressBulkMBps: f.duress.bulkMBps,
    bareHeapBulkMBps,
    bulkRatio: f.duress.bulkMBps / f.bare.bulkMBps,
    bulkRatioSameHeap: f.duress.bulkMBps / bareHeapBulkMBps,
    // CPU of the proxy thread per GiB carried: less sensitive to the machine's other load than throughput.
    bareCpuSecPerGiB: bulkLoad.bare.cpuSecs / gib,
    bareHeapCpuSecPerGiB: bulkLoad.bareHeap.cpuSecs / gib,
    duressCpuSecPerGiB: bulkLoad.duress.cpuSecs / gib,
    bareMajorGcsPerGiB: bulkLoad.bare.majorGcs / gib,
    bareHeapMajorGcsPerGiB: bulkLoad.bareHeap.majorGcs / gib,
    duressMajorGcsPerGiB: bulkLoad.duress.majorGcs / gib,
    // Each round's duress ÷ bare pipe, as it is and in a like heap (measured back to back, so alike in the
    // machine's load: on a shared machine the paired ratios vary less than the ratio of the medians).
    bulkRatioMedianRound: median(roundRatios(bulkSecs.bare, bulkSecs.duress)),
    bulkRatioWorstRound: Math.min(...roundRatios(bulkSecs.bare, bulkSecs.duress)),
    bulkRatioSameHeapMedianRound: median(roundRatios(bulkSecs.bareHeap, bulkSecs.duress)),
    bulkRatioSameHeapWorstRound: Math.min(...roundRatios(bulkSecs.bareHeap, bulkSecs.duress)),
    directMedianMs: f.direct.medianLatencyMs,
    bareMedianMs: f.bare.medianLatencyMs,
    duressMedianMs: f.duress.medianLatencyMs,
    addedMedianMs: f.duress.medianLatencyMs - f.direct.medianLatencyMs,
  };
  const tp = figures.toxiproxy;
  if (tp) {
    metrics.toxiproxyRoundTripsPerSec = tp.roundTripsPerSec;
    metrics.toxiproxyBulkMBps = tp.bulkMBps;
    metrics.toxiproxyMedianMs = tp.medianLatencyMs;
    metrics.bulkRatioVsToxiproxy = f.duress.bulkMBps / tp.bulkMBps;
    metrics.roundTripRatioVsToxiproxy = f.duress.roundTripsPerSec / tp.roundTripsPerSec;
  }
  const r = (n: number, d = 0): string => n.toFixed(d);
  const m = (k: string): number => metrics[k] as number;
  const rows: [string, string][] = [
    ['round trips/s, 50 conns: direct / bare / duress', `${r(m('directRoundTripsPerSec'))} / ${r(m('bareRoundTripsPerSec'))} / ${r(m('duressRoundTripsPerSec'))}`],
    ['  duress ÷ bare (target ≥ 0.9)', r(m('roundTripRatio'), 3)],
    [
      `bulk ${BULK_ROUNDS} × ${BULK_ROUND_BYTES / 2 ** 20} MiB, median MB/s: direct / bare / bare, like heap / duress`,
      `${r(m('directBulkMBps'))} / ${r(m('bareBulkMBps'))} / ${r(m('bareHeapBulkMBps'))} / ${r(m('duressBulkMBps'))}`,
    ],
    ['  duress ÷ bare, medians (issue 12\'s target ≥ 1.0)', r(m('bulkRatio'), 3)],
    ['  duress ÷ bare, per round: median / worst', `${r(m('bulkRatioMedianRound'), 3)} / ${r(m('bulkRatioWorstRound'), 3)}`],
    ['  duress ÷ bare, every round', roundRatios(bulkSecs.bare, bulkSecs.duress).map((x) => r(x, 2)).join(' ')],
    ['  duress ÷ bare in a like heap (what GC costs a default reader), medians', r(m('bulkRatioSameHeap'), 3)],
    [
      '  duress ÷ bare, like heap, per round: median / worst',
      `${r(m('bulkRatioSameHeapMedianRound'), 3)} / ${r(m('bulkRatioSameHeapWorstRound'), 3)}`,
    ],
    [
      '  proxy thread CPU s per GiB: bare / bare, like heap / duress',
      `${r(m('bareCpuSecPerGiB'), 3)} / ${r(m('bareHeapCpuSecPerGiB'), 3)} / ${r(m('duressCpuSecPerGiB'), 3)}`,
    ],
    [
      '  proxy thread major GCs per GiB: bare / bare, like heap / duress',
      `${r(m('bareMajorGcsPerGiB'), 1)} / ${r(m('bareHeapMajorGcsPerGiB'), 1)} / ${r(m('duressMajorGcsPerGiB'), 1)}`,
    ],
    ['idle median ms: direct / bare / duress', `${r(m('directMedianMs'), 3)} / ${r(m('bareMedianMs'), 3)} / ${r(m('duressMedianMs'), 3)}`],
    ['  added by duress (target < 0.2 ms)', r(m('addedMedianMs'), 3)],
  ];
  if (tp) {
    rows.push(
      ['real Toxiproxy: round trips/s / bulk MB/s / idle median ms', `${r(tp.roundTripsPerSec)} / ${r(tp.bulkMBps)} / ${r(tp.medianLatencyMs, 3)}`],
      ['  duress ÷ Toxiproxy, bulk (target ≥ 1.0)', r(m('bulkRatioVsToxiproxy'), 3)],
      ['  duress ÷ Toxiproxy, round trips', r(m('roundTripRatioVsToxiproxy'), 3)],
    );
  }
  printTable('proxy, no toxics', rows);
  // The target is the bare pipe as it is; the like-heap ratio is printed beside it, for what GC costs a pipe, not to pass.
  const pass = m('roundTripRatio') >= 0.9 && m('bulkRatio') >= 1.0 && m('addedMedianMs') < 0.2 && (!tp || m('bulkRatioVsToxiproxy') >= 1.0);
  return { name: 'proxy-throughput', metrics, pass, figures };
}

/** Per round, the second variant's throughput over the first's (the inverse ratio of their times). */
function roundRatios(baseSecs: readonly number[], otherSecs: readonly number[]): number[] {
  return baseSecs.map((b, i) => b / (otherSecs[i] as number));
}

/** What a proxy's thread has spent so far: CPU seconds (user + system), major GCs and milliseconds in GC. */
interface ThreadLoad {
  cpuSecs: number;
  majorGcs: number;
  gcMs: number;
}

/** A worker's own ThreadLoad: it reads /proc/thread-self/stat and its GC observer itself. */
function threadLoad(worker: Worker): Promise<ThreadLoad> {
  return new Promise((resolve) => {
    worker.once('message', (load: ThreadLoad) => resolve(load));
    worker.postMessage('load');
  });
}

/** This thread's CPU seconds from /proc/thread-self/stat (utime + stime, in clock ticks of 1/100 s); 0 off Linux. */
function ownThreadCpu(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5), counted from the state (field 3) after the command name.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function startWorker(data: Role): Promise<{ worker: Worker; ports: number[] }> {
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: data });
  return new Promise((resolve, reject) => {
    worker.once('message', (ports: number[]) => resolve({ worker, ports }));
    worker.once('error', reject);
  });
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host: '127.0.0.1', noDelay: true }, () => resolve(s));
    s.once('error', reject);
  });
}

/** Sequential request/response of SMALL bytes on each of CONNECTIONS connections; round trips per second. */
async function roundTrips(port: number, ms: number): Promise<number> {
  const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, () => connect(port)));
  const request = Buffer.alloc(SMALL, 7);
  let count = 0;
  let running = true;
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((resolve) => {
          let got = 0;
          s.on('data', (d: Buffer) => {
            got += d.length;
            while (got >= SMALL) {
              got -= SMALL;
              count++;
              if (running) s.write(request);
              else if (got === 0) return resolve();
            }
          });
          s.write(request);
        }),
    ).concat([
      new Promise<void>((resolve) =>
        setTimeout(() => {
          running = false;
          resolve();
        }, ms),
      ),
    ]),
  );
  for (const s of sockets) s.destroy();
  return (count / ms) * 1000;
}

/** `total` bytes written to the counting sink, which acks with one byte at the end; seconds taken. */
async function bulk(port: number, total: number): Promise<number> {
  const s = await connect(port);
  const block = Buffer.alloc(64 * 1024, 1);
  const header = Buffer.alloc(8);
  header.writeBigUInt64BE(BigInt(total));
  const start = process.hrtime.bigint();
  const acked = new Promise<void>((resolve) => s.once('data', () => resolve()));
  s.write(header);
  let sent = 0;
  while (sent < total) {
    const n = Math.min(block.length, total - sent);
    sent += n;
    if (!s.write(n === block.length ? block : block.subarray(0, n))) await new Promise((r) => s.once('drain', r));
  }
  await acked;
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  s.destroy();
  return secs;
}

/** Round trips of a 32-byte request, each after IDLE_MS of silence, on one connection per variant, interleaved. */
async function idleLatency(variants: readonly Variant[], port: (v: Variant) => number): Promise<Record<Variant, number[]>> {
  const sockets: Partial<Record<Variant, net.Socket>> = {};
  for (const v of variants) sockets[v] = await connect(port(v));
  const request = Buffer.alloc(32, 3);
  const samples: Record<Variant, number[]> = { direct: [], bare: [], duress: [], toxiproxy: [] };
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    for (const v of orderFor(variants, i)) {
      const s = sockets[v] as net.Socket;
      await new Promise((r) => setTimeout(r, IDLE_MS));
      const t0 = process.hrtime.bigint();
      await new Promise<void>((resolve) => {
        let got = 0;
        const onData = (d: Buffer): void => {
          got += d.length;
          if (got >= request.length) {
            s.off('data', onData);
            resolve();
          }
        };
        s.on('data', onData);
        s.write(request);
      });
      samples[v].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  for (const v of variants) sockets[v]?.destroy();
  return samples;
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

async function workerMain(data: Role): Promise<void> {
  const gc = { majorGcs: 0, gcMs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.gcMs += e.duration;
      const kind = (e as { detail?: { kind?: number } }).detail?.kind;
      if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) gc.majorGcs++;
    }
  }).observe({ entryTypes: ['gc'] });
  parentPort?.on('message', (m) => {
    if (m === 'load') parentPort?.postMessage({ cpuSecs: ownThreadCpu(), ...gc } satisfies ThreadLoad);
  });
  if (data.role === 'servers') {
    const echo = net.createServer({ noDelay: true }, (c) => {
      c.on('error', () => {});
      c.pipe(c);
    });
    const sink = net.createServer((c) => {
      c.on('error', () => {});
      let expected = -1;
      let got = 0;
      c.on('data', (d: Buffer) => {
        if (expected < 0) {
          expected = Number(d.readBigUInt64BE(0));
          got = d.length - 8;
        } else got += d.length;
        if (got >= expected) c.write('k');
      });
    });
    parentPort?.postMessage([await listen(echo), await listen(sink)]);
    return;
  }
  if (data.role === 'bare') {
    // The duress worker's modules, loaded and left idle: the pipe then runs in a heap like duress's.
    if (data.withDuressModules) (globalThis as { idleCollection?: unknown }).idleCollection = new (await import('../src/faults/proxy-collection.js')).ProxyCollection();
    const ports: number[] = [];
    for (const up of data.upstream) {
      const server = net.createServer((c) => {
        const u = net.connect(up, '127.0.0.1');
        c.on('error', () => {});
        u.on('error', () => {});
        c.pipe(u).pipe(c);
      });
      ports.push(await listen(server));
    }
    parentPort?.postMessage(ports);
    return;
  }
  const { ProxyCollection } = await import('../src/faults/proxy-collection.js');
  const collection = new ProxyCollection();
  const ports: number[] = [];
  for (const [i, up] of data.upstream.entries()) {
    const p = await collection.create({ name: `p${i}`, listen: '127.0.0.1:0', upstream: `127.0.0.1:${up}` });
    ports.push(p.port as number);
  }
  parentPort?.postMessage(ports);
}

if (!isMainThread) {
  void workerMain(workerData as Role);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchProxyThroughput();
  process.stdout.write(`${JSON.stringify(result.metrics)}\n`);
}
