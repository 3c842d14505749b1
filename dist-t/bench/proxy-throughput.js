import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { printTable } from './bench-util.js';
import { findToxiproxyServer, startRealToxiproxy } from './toxiproxy-server.js';
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
const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
};
/** The variants in a different order each round. */
const orderFor = (variants, round) => {
    const o = [...variants];
    for (let i = 0; i < round % 3; i++)
        o.push(o.shift());
    return round % 2 ? o.reverse() : o;
};
export async function benchProxyThroughput() {
    const servers = await startWorker({ role: 'servers' });
    const [echoPort, sinkPort] = servers.ports;
    const bare = await startWorker({ role: 'bare', upstream: [echoPort, sinkPort] });
    const bareHeap = await startWorker({ role: 'bare', upstream: [echoPort, sinkPort], withDuressModules: true });
    const ours = await startWorker({ role: 'duress', upstream: [echoPort, sinkPort] });
    const binary = findToxiproxyServer();
    const real = binary ? await startRealToxiproxy(binary, [echoPort, sinkPort]) : undefined;
    process.stdout.write(real ? `real Toxiproxy ${real.version} (${binary})\n` : 'no real Toxiproxy (set TOXIPROXY_SERVER or put toxiproxy-server on the PATH): compared with the bare pipe only\n');
    const variants = real ? ['direct', 'bare', 'duress', 'toxiproxy'] : ['direct', 'bare', 'duress'];
    const targets = {
        direct: [echoPort, sinkPort],
        bare: bare.ports,
        duress: ours.ports,
        ...(real ? { toxiproxy: real.ports } : {}),
    };
    const target = (v) => targets[v];
    const trips = { direct: [], bare: [], duress: [], toxiproxy: [] };
    const bulkVariants = [...variants, 'bareHeap'];
    const bulkSecs = { direct: [], bare: [], bareHeap: [], duress: [], toxiproxy: [] };
    /** CPU seconds (Linux; 0 elsewhere), major GCs and GC milliseconds of each Node proxy's thread in the bulk rounds. */
    const zero = () => ({ cpuSecs: 0, majorGcs: 0, gcMs: 0 });
    const bulkLoad = { bare: zero(), bareHeap: zero(), duress: zero() };
    let latency;
    try {
        for (const v of variants)
            await roundTrips(target(v)[0], 300);
        for (let round = 0; round < ROUNDS; round++) {
            for (const v of orderFor(variants, round))
                trips[v].push(await roundTrips(target(v)[0], ROUND_TRIP_SLICE_MS));
        }
        for (let round = 0; round < BULK_ROUNDS; round++) {
            for (const v of orderFor(bulkVariants, round)) {
                const node = v === 'bare' || v === 'bareHeap' || v === 'duress' ? v : undefined;
                const worker = node && { bare, bareHeap, duress: ours }[node].worker;
                const before = worker ? await threadLoad(worker) : zero();
                bulkSecs[v].push(await bulk(v === 'bareHeap' ? bareHeap.ports[1] : target(v)[1], BULK_ROUND_BYTES));
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
    }
    finally {
        await Promise.all([servers.worker.terminate(), bare.worker.terminate(), bareHeap.worker.terminate(), ours.worker.terminate(), real?.stop()]);
    }
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    const figures = {};
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
    const fig = (v) => figures[v];
    const f = { direct: fig('direct'), bare: fig('bare'), duress: fig('duress') };
    const metrics = {
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
        // Each round's duress ÷ bare pipe in a like heap (measured back to back, so alike in the machine's load).
        bulkRatioWorstRound: Math.min(...roundRatios(bulkSecs.bareHeap, bulkSecs.duress)),
        bulkRatioMedianRound: median(roundRatios(bulkSecs.bareHeap, bulkSecs.duress)),
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
    const r = (n, d = 0) => n.toFixed(d);
    const m = (k) => metrics[k];
    const rows = [
        ['round trips/s, 50 conns: direct / bare / duress', `${r(m('directRoundTripsPerSec'))} / ${r(m('bareRoundTripsPerSec'))} / ${r(m('duressRoundTripsPerSec'))}`],
        ['  duress ÷ bare (target ≥ 0.9)', r(m('roundTripRatio'), 3)],
        [
            `bulk ${BULK_ROUNDS} × ${BULK_ROUND_BYTES / 2 ** 20} MiB, median MB/s: direct / bare / bare, like heap / duress`,
            `${r(m('directBulkMBps'))} / ${r(m('bareBulkMBps'))} / ${r(m('bareHeapBulkMBps'))} / ${r(m('duressBulkMBps'))}`,
        ],
        ['  duress ÷ bare in a like heap, medians (target ≥ 1.0)', r(m('bulkRatioSameHeap'), 3)],
        ['  duress ÷ bare in its small heap, medians', r(m('bulkRatio'), 3)],
        ['  duress ÷ bare, like heap, per round: median / worst', `${r(m('bulkRatioMedianRound'), 3)} / ${r(m('bulkRatioWorstRound'), 3)}`],
        ['  duress ÷ bare, like heap, every round', roundRatios(bulkSecs.bareHeap, bulkSecs.duress).map((x) => r(x, 2)).join(' ')],
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
        rows.push(['real Toxiproxy: round trips/s / bulk MB/s / idle median ms', `${r(tp.roundTripsPerSec)} / ${r(tp.bulkMBps)} / ${r(tp.medianLatencyMs, 3)}`], ['  duress ÷ Toxiproxy, bulk (target ≥ 1.0)', r(m('bulkRatioVsToxiproxy'), 3)], ['  duress ÷ Toxiproxy, round trips', r(m('roundTripRatioVsToxiproxy'), 3)]);
    }
    printTable('proxy, no toxics', rows);
    const pass = m('roundTripRatio') >= 0.9 && m('bulkRatioSameHeap') >= 1.0 && m('addedMedianMs') < 0.2 && (!tp || m('bulkRatioVsToxiproxy') >= 1.0);
    return { name: 'proxy-throughput', metrics, pass, figures };
}
/** Per round, the second variant's throughput over the first's (the inverse ratio of their times). */
function roundRatios(baseSecs, otherSecs) {
    return baseSecs.map((b, i) => b / otherSecs[i]);
}
/** A worker's own ThreadLoad: it reads /proc/thread-self/stat and its GC observer itself. */
function threadLoad(worker) {
    return new Promise((resolve) => {
        worker.once('message', (load) => resolve(load));
        worker.postMessage('load');
    });
}
/** This thread's CPU seconds from /proc/thread-self/stat (utime + stime, in clock ticks of 1/100 s); 0 off Linux. */
function ownThreadCpu() {
    try {
        const stat = readFileSync('/proc/thread-self/stat', 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // Fields 14 and 15 of stat(5), counted from the state (field 3) after the command name.
        return (Number(fields[11]) + Number(fields[12])) / 100;
    }
    catch {
        return 0;
    }
}
function startWorker(data) {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: data });
    return new Promise((resolve, reject) => {
        worker.once('message', (ports) => resolve({ worker, ports }));
        worker.once('error', reject);
    });
}
function connect(port) {
    return new Promise((resolve, reject) => {
        const s = net.connect({ port, host: '127.0.0.1', noDelay: true }, () => resolve(s));
        s.once('error', reject);
    });
}
/** Sequential request/response of SMALL bytes on each of CONNECTIONS connections; round trips per second. */
async function roundTrips(port, ms) {
    const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, () => connect(port)));
    const request = Buffer.alloc(SMALL, 7);
    let count = 0;
    let running = true;
    await Promise.all(sockets.map((s) => new Promise((resolve) => {
        let got = 0;
        s.on('data', (d) => {
            got += d.length;
            while (got >= SMALL) {
                got -= SMALL;
                count++;
                if (running)
                    s.write(request);
                else if (got === 0)
                    return resolve();
            }
        });
        s.write(request);
    })).concat([
        new Promise((resolve) => setTimeout(() => {
            running = false;
            resolve();
        }, ms)),
    ]));
    for (const s of sockets)
        s.destroy();
    return (count / ms) * 1000;
}
/** `total` bytes written to the counting sink, which acks with one byte at the end; seconds taken. */
async function bulk(port, total) {
    const s = await connect(port);
    const block = Buffer.alloc(64 * 1024, 1);
    const header = Buffer.alloc(8);
    header.writeBigUInt64BE(BigInt(total));
    const start = process.hrtime.bigint();
    const acked = new Promise((resolve) => s.once('data', () => resolve()));
    s.write(header);
    let sent = 0;
    while (sent < total) {
        const n = Math.min(block.length, total - sent);
        sent += n;
        if (!s.write(n === block.length ? block : block.subarray(0, n)))
            await new Promise((r) => s.once('drain', r));
    }
    await acked;
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    s.destroy();
    return secs;
}
/** Round trips of a 32-byte request, each after IDLE_MS of silence, on one connection per variant, interleaved. */
async function idleLatency(variants, port) {
    const sockets = {};
    for (const v of variants)
        sockets[v] = await connect(port(v));
    const request = Buffer.alloc(32, 3);
    const samples = { direct: [], bare: [], duress: [], toxiproxy: [] };
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
        for (const v of orderFor(variants, i)) {
            const s = sockets[v];
            await new Promise((r) => setTimeout(r, IDLE_MS));
            const t0 = process.hrtime.bigint();
            await new Promise((resolve) => {
                let got = 0;
                const onData = (d) => {
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
    for (const v of variants)
        sockets[v]?.destroy();
    return samples;
}
function listen(server) {
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}
async function workerMain(data) {
    const gc = { majorGcs: 0, gcMs: 0 };
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
            gc.gcMs += e.duration;
            const kind = e.detail?.kind;
            if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR)
                gc.majorGcs++;
        }
    }).observe({ entryTypes: ['gc'] });
    parentPort?.on('message', (m) => {
        if (m === 'load')
            parentPort?.postMessage({ cpuSecs: ownThreadCpu(), ...gc });
    });
    if (data.role === 'servers') {
        const echo = net.createServer({ noDelay: true }, (c) => {
            c.on('error', () => { });
            c.pipe(c);
        });
        const sink = net.createServer((c) => {
            c.on('error', () => { });
            let expected = -1;
            let got = 0;
            c.on('data', (d) => {
                if (expected < 0) {
                    expected = Number(d.readBigUInt64BE(0));
                    got = d.length - 8;
                }
                else
                    got += d.length;
                if (got >= expected)
                    c.write('k');
            });
        });
        parentPort?.postMessage([await listen(echo), await listen(sink)]);
        return;
    }
    if (data.role === 'bare') {
        // The duress worker's modules, loaded and left idle: the pipe then runs in a heap like duress's.
        if (data.withDuressModules)
            globalThis.idleCollection = new (await import('../src/faults/proxy-collection.js')).ProxyCollection();
        const ports = [];
        for (const up of data.upstream) {
            const server = net.createServer((c) => {
                const u = net.connect(up, '127.0.0.1');
                c.on('error', () => { });
                u.on('error', () => { });
                c.pipe(u).pipe(c);
            });
            ports.push(await listen(server));
        }
        parentPort?.postMessage(ports);
        return;
    }
    const { ProxyCollection } = await import('../src/faults/proxy-collection.js');
    const collection = new ProxyCollection();
    const ports = [];
    for (const [i, up] of data.upstream.entries()) {
        const p = await collection.create({ name: `p${i}`, listen: '127.0.0.1:0', upstream: `127.0.0.1:${up}` });
        ports.push(p.port);
    }
    parentPort?.postMessage(ports);
}
if (!isMainThread) {
    void workerMain(workerData);
}
else if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const result = await benchProxyThroughput();
    process.stdout.write(`${JSON.stringify(result.metrics)}\n`);
}
//# sourceMappingURL=proxy-throughput.js.map