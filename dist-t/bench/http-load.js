import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { decodeHistogram, mergeHistograms } from '../src/metrics/histogram.js';
import { runLoad } from '../src/systems/http/run-load.js';
import { printTable } from './bench-util.js';
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
 * Each variant runs in slices (SLICE_S closed, OPEN_SLICE_S open), alternating, so that load from elsewhere on this shared machine hits
 * them alike. CPU is the bench process's user + system time during each variant's slices (autocannon and
 * the reference run on the main thread, duress in its worker threads: process.cpuUsage covers all threads).
 */
const CONNECTIONS = 50;
const RATE = Number(process.env.DURESS_BENCH_HTTP_RATE ?? 2000);
const SLICE_S = Number(process.env.DURESS_BENCH_HTTP_SLICE_S ?? 5);
const ROUNDS = 2;
/** The open model's latency is noisier on a shared machine: more, shorter slices, pooled. */
const OPEN_ROUNDS = 4;
const OPEN_SLICE_S = Number(process.env.DURESS_BENCH_HTTP_OPEN_SLICE_S ?? 4);
const BODY = 'hello world';
async function measureCpu(run) {
    const before = process.cpuUsage();
    const value = await run();
    const used = process.cpuUsage(before);
    return { value, cpuMs: (used.user + used.system) / 1000 };
}
async function startServer() {
    const script = `const s = require('node:http').createServer((q, r) => r.end(${JSON.stringify(BODY)}));
s.keepAliveTimeout = 60000;
s.listen(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'));`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [chunk] = (await once(child.stdout, 'data'));
    return { port: Number(chunk.toString().trim()), child };
}
async function closedAutocannon(port) {
    const { value: r, cpuMs } = await measureCpu(() => autocannon({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, pipelining: 1, duration: SLICE_S }));
    return { requests: r.requests.total, seconds: r.duration, cpuMs, errors: r.errors + r.timeouts + r.non2xx };
}
async function closedDuress(port, workers) {
    const { value: r, cpuMs } = await measureCpu(() => runLoad({ origin: `http://127.0.0.1:${port}`, requests: [{ method: 'GET', path: '/' }], connections: CONNECTIONS, pipelining: 1, workers, durationMs: SLICE_S * 1000 }));
    return { requests: r.responses, seconds: r.elapsedMs / 1000, cpuMs, errors: Object.values(r.errors).reduce((a, b) => a + b, 0) + nonOk(r) };
}
const nonOk = (r) => Object.entries(r.statuses).reduce((n, [code, count]) => n + (code === '200' ? 0 : count), 0);
async function openDuress(port) {
    const durationMs = OPEN_SLICE_S * 1000;
    const { value: r, cpuMs } = await measureCpu(() => runLoad({
        origin: `http://127.0.0.1:${port}`,
        requests: [{ method: 'GET', path: '/' }],
        connections: CONNECTIONS,
        pipelining: 1,
        workers: 1,
        durationMs,
        arrival: { startRate: RATE, stages: [{ target: RATE, durationMs }] },
    }));
    const h = decodeHistogram(r.corrected);
    const ms = (q) => h.getValueAtPercentile(q) / 1000;
    return { due: r.due, sent: r.sent, responses: r.responses, seconds: OPEN_SLICE_S, cpuMs, p50: ms(50), p90: ms(90), p99: ms(99), latencies: [], corrected: r.corrected };
}
/**
 * The reference: wrk2's design in a few lines. Connection c of C sends requests c, c + C, c + 2C, … of a
 * schedule with one request every 1/RATE s; each is written at its due time, or when the connection's
 * previous response has arrived if that is later; its latency runs from the due time to the end of its
 * response. The server's responses carry Content-Length and are read by counting bytes.
 */
async function openReference(port) {
    const request = Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const durationMs = OPEN_SLICE_S * 1000;
    const total = Math.round((RATE * durationMs) / 1000);
    const latencies = [];
    let sent = 0;
    const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
        const s = net.connect(port, '127.0.0.1');
        s.setNoDelay(true);
        await once(s, 'connect');
        return s;
    }));
    const { value: dueCount, cpuMs } = await measureCpu(async () => {
        const start = performance.now() + 20;
        await Promise.all(sockets.map((socket, c) => new Promise((resolve) => {
            let k = c;
            let buffered = Buffer.alloc(0);
            const dueOf = (i) => start + (i * 1000) / RATE;
            // Node's timers may fire up to 1 ms early: the request waits again rather than go before its time.
            const next = () => {
                if (k >= total)
                    return resolve();
                const wait = dueOf(k) - performance.now();
                if (wait > 0)
                    setTimeout(next, wait);
                else
                    write();
            };
            const write = () => {
                sent++;
                socket.write(request);
            };
            socket.on('data', (chunk) => {
                buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
                for (;;) {
                    const headerEnd = buffered.indexOf('\r\n\r\n');
                    if (headerEnd < 0)
                        return;
                    const length = Number(/content-length: *(\d+)/i.exec(buffered.subarray(0, headerEnd).toString('latin1'))?.[1] ?? 0);
                    const end = headerEnd + 4 + length;
                    if (buffered.length < end)
                        return;
                    buffered = buffered.subarray(end);
                    latencies.push(performance.now() - dueOf(k));
                    k += CONNECTIONS;
                    next();
                }
            });
            next();
        })));
        return total;
    });
    for (const s of sockets)
        s.destroy();
    const sorted = latencies.sort((a, b) => a - b);
    return { due: dueCount, sent, responses: sorted.length, seconds: OPEN_SLICE_S, cpuMs, p50: at(sorted, 50), p90: at(sorted, 90), p99: at(sorted, 99), latencies: sorted };
}
/** The q-th percentile of sorted samples: the smallest value with at least q % of the samples at or below it. */
const at = (sorted, q) => sorted[Math.max(0, Math.ceil((q / 100) * sorted.length) - 1)] ?? Number.NaN;
/** Every round of a variant as one: counts summed, latencies pooled (so both variants meet the same disturbances). */
function pool(xs) {
    const sum = (pick) => xs.reduce((n, x) => n + pick(x), 0);
    const base = { due: sum((x) => x.due), sent: sum((x) => x.sent), responses: sum((x) => x.responses), seconds: sum((x) => x.seconds), cpuMs: sum((x) => x.cpuMs), latencies: [] };
    const encoded = xs.map((x) => x.corrected).filter((e) => e !== undefined);
    if (encoded.length > 0) {
        const h = mergeHistograms(encoded.map(decodeHistogram));
        const ms = (q) => h.getValueAtPercentile(q) / 1000;
        return { ...base, p50: ms(50), p90: ms(90), p99: ms(99) };
    }
    const sorted = xs.flatMap((x) => x.latencies).sort((a, b) => a - b);
    return { ...base, p50: at(sorted, 50), p90: at(sorted, 90), p99: at(sorted, 99) };
}
const sumClosed = (xs) => ({
    requests: xs.reduce((n, x) => n + x.requests, 0),
    seconds: xs.reduce((n, x) => n + x.seconds, 0),
    cpuMs: xs.reduce((n, x) => n + x.cpuMs, 0),
    errors: xs.reduce((n, x) => n + x.errors, 0),
});
export async function benchHttpLoad() {
    const { port, child } = await startServer();
    const closed = { autocannon: [], duress1: [], duress2: [] };
    const open = { duress: [], reference: [] };
    try {
        // Warm up the server and both clients' code paths.
        await closedAutocannon(port).catch(() => undefined);
        await closedDuress(port, 1);
        for (let round = 0; round < ROUNDS; round++) {
            const order = round % 2 === 0 ? ['autocannon', 'duress1', 'duress2'] : ['duress2', 'duress1', 'autocannon'];
            for (const v of order)
                closed[v].push(v === 'autocannon' ? await closedAutocannon(port) : await closedDuress(port, v === 'duress1' ? 1 : 2));
        }
        for (let round = 0; round < OPEN_ROUNDS; round++) {
            const openOrder = round % 2 === 0 ? ['duress', 'reference'] : ['reference', 'duress'];
            for (const v of openOrder)
                open[v].push(v === 'duress' ? await openDuress(port) : await openReference(port));
        }
    }
    finally {
        child.kill();
    }
    const c = { autocannon: sumClosed(closed.autocannon), duress1: sumClosed(closed.duress1), duress2: sumClosed(closed.duress2) };
    const rps = (x) => x.requests / x.seconds;
    const ratio1 = rps(c.duress1) / rps(c.autocannon);
    printTable(`closed model, ${CONNECTIONS} connections, ${ROUNDS} × ${SLICE_S} s each, server: Node http in a child process`, [
        ['autocannon req/s (CPU)', `${rps(c.autocannon).toFixed(0)} (${(c.autocannon.cpuMs / 1000).toFixed(1)} s CPU, ${((c.autocannon.cpuMs * 1000) / c.autocannon.requests).toFixed(1)} µs/req)`],
        ['duress, 1 worker, req/s (CPU)', `${rps(c.duress1).toFixed(0)} (${(c.duress1.cpuMs / 1000).toFixed(1)} s CPU, ${((c.duress1.cpuMs * 1000) / c.duress1.requests).toFixed(1)} µs/req)`],
        ['duress, 2 workers, req/s (CPU)', `${rps(c.duress2).toFixed(0)} (${(c.duress2.cpuMs / 1000).toFixed(1)} s CPU, ${((c.duress2.cpuMs * 1000) / c.duress2.requests).toFixed(1)} µs/req)`],
        ['duress 1 worker / autocannon (target >= 1.0)', ratio1.toFixed(3)],
        ['errors (autocannon, duress 1, duress 2)', `${c.autocannon.errors}, ${c.duress1.errors}, ${c.duress2.errors}`],
    ]);
    const d = pool(open.duress);
    const r = pool(open.reference);
    const held = (x) => x.sent / (RATE * x.seconds);
    const agree = (a, b) => a / b;
    const ratios = { p50: agree(d.p50, r.p50), p90: agree(d.p90, r.p90), p99: agree(d.p99, r.p99) };
    const rateHeld = Math.min(...open.duress.map(held));
    const row = (x) => `sent ${x.sent}/${x.due} (${(held(x) * 100).toFixed(2)} %), p50 ${x.p50.toFixed(3)} ms, p90 ${x.p90.toFixed(3)} ms, p99 ${x.p99.toFixed(3)} ms, ${(x.cpuMs / 1000).toFixed(1)} s CPU`;
    printTable(`open model, ${RATE}/s over ${CONNECTIONS} connections, ${OPEN_ROUNDS} × ${OPEN_SLICE_S} s each, rounds pooled`, [
        ['duress (corrected latency), all rounds', row(d)],
        ['reference wrk2-style loop, all rounds', row(r)],
        ...open.duress.map((x, i) => [`  duress round ${i + 1}`, row(x)]),
        ...open.reference.map((x, i) => [`  reference round ${i + 1}`, row(x)]),
        ['duress rate held, worst round (target >= 99 %)', `${(rateHeld * 100).toFixed(2)} %`],
        ['duress / reference p50, p90, p99 (target 0.9 .. 1.1)', `${ratios.p50.toFixed(3)}, ${ratios.p90.toFixed(3)}, ${ratios.p99.toFixed(3)}`],
    ]);
    const within = (x) => x >= 0.9 && x <= 1.1;
    return {
        name: 'http-load',
        metrics: {
            autocannonRps: rps(c.autocannon),
            duress1Rps: rps(c.duress1),
            duress2Rps: rps(c.duress2),
            closedRatio: ratio1,
            autocannonCpuUsPerReq: (c.autocannon.cpuMs * 1000) / c.autocannon.requests,
            duress1CpuUsPerReq: (c.duress1.cpuMs * 1000) / c.duress1.requests,
            openRateHeld: rateHeld,
            openP50Ratio: ratios.p50,
            openP90Ratio: ratios.p90,
            openP99Ratio: ratios.p99,
            openDuressCpuS: d.cpuMs / 1000,
            openReferenceCpuS: r.cpuMs / 1000,
        },
        pass: ratio1 >= 1 && rateHeld >= 0.99 && within(ratios.p50) && within(ratios.p90) && within(ratios.p99),
    };
}
//# sourceMappingURL=http-load.js.map