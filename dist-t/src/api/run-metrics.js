import http from 'node:http';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { decodeHistogram, forEachRecordedMs } from '../metrics/histogram.js';
/** 1 ms to 1 h in 1-2.5-5 steps: soak latencies run from a local hop to a stalled queue. */
const LATENCY_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 3600];
/** A RunMetricsFeed on its own registry (duress_* metric names). */
export function createRunMetrics() {
    const registry = new Registry();
    const exposure = new Counter({
        name: 'duress_exposure_scenario_seconds_total',
        help: 'Instance lifetime accrued, in scenario seconds',
        labelNames: ['cell'],
        registers: [registry],
    });
    const failures = new Counter({ name: 'duress_failures_total', help: 'Failures declared by the watchdog', labelNames: ['cell', 'kind'], registers: [registry] });
    const delivered = new Counter({ name: 'duress_records_delivered_total', help: 'Records that reached the sink', labelNames: ['cell'], registers: [registry] });
    const inFlight = new Gauge({ name: 'duress_records_in_flight', help: 'Records sent and not yet delivered or lost', labelNames: ['cell'], registers: [registry] });
    const latency = new Histogram({
        name: 'duress_delivery_latency_scenario_seconds',
        help: 'Record delivery latency, in scenario seconds',
        labelNames: ['cell'],
        buckets: LATENCY_BUCKETS_S,
        registers: [registry],
    });
    return {
        registry,
        exposure: (cell, s) => exposure.inc({ cell }, Math.max(0, s)),
        failure: (cell, kind) => failures.inc({ cell, kind }),
        delivered: (cell, n) => delivered.inc({ cell }, Math.max(0, n)),
        inFlight: (cell, n) => inFlight.set({ cell }, n),
        latency: (cell, s, count = 1) => {
            // prom-client's histogram counts one observation a call: a call per record (about a microsecond each,
            // on the main thread, only with --metrics-port: 10,000 records per second cost about 1% of a core).
            const child = latency.labels({ cell });
            for (let i = 0; i < count; i++)
                child.observe(s);
        },
    };
}
/**
 * Feeds a RunMetricsFeed from the run's once-a-second progress (RunOptions.onProgress), which carries
 * cumulative exposure, failure and delivery counts per cell: the increments go to the counters, and
 * generated minus delivered to in-flight. Progress does not say what kind a failure is, so these count under
 * `kind="any"`. Latency: the end-to-end histograms of the intervals journaled since the last progress, each
 * record at its HDR value (scenario time), so the run's histogram ends holding every record of the results'.
 */
export function progressFeeder(feed) {
    const last = new Map();
    return (p) => {
        for (const c of p.cells) {
            const before = last.get(c.name) ?? { exposureHours: 0, failures: 0, delivered: 0 };
            if (c.exposureHours > before.exposureHours)
                feed.exposure(c.name, (c.exposureHours - before.exposureHours) * 3600);
            for (let i = before.failures; i < c.failures; i++)
                feed.failure(c.name, 'any');
            if (c.delivered > before.delivered)
                feed.delivered(c.name, c.delivered - before.delivered);
            feed.inFlight(c.name, Math.max(0, c.generated - c.delivered));
            for (const encoded of c.latencySinceLast)
                forEachRecordedMs(decodeHistogram(encoded), (ms, n) => feed.latency(c.name, ms / 1000, n));
            last.set(c.name, {
                exposureHours: Math.max(before.exposureHours, c.exposureHours),
                failures: Math.max(before.failures, c.failures),
                delivered: Math.max(before.delivered, c.delivered),
            });
        }
    };
}
/**
 * An HTTP server of its own answering GET /metrics from `registry` (for `duress run`, whose embedded
 * Toxiproxy API is on a random port): loopback unless told otherwise. Resolves with its URL and a stop.
 */
export async function serveMetrics(registry, opts = {}) {
    const server = http.createServer((req, res) => {
        if ((req.url ?? '').split('?')[0] !== '/metrics') {
            res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
            return;
        }
        registry.metrics().then((text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text), (err) => res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${String(err)}\n`));
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const a = server.address();
    const host = a.address.includes(':') ? `[${a.address}]` : a.address;
    return {
        url: `http://${host}:${a.port}/metrics`,
        stop: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
//# sourceMappingURL=run-metrics.js.map