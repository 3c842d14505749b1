import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRunMetrics, progressFeeder, serveMetrics } from '../../../src/api/run-metrics.js';
import { createHistogram, encodeHistogram, recordMs } from '../../../src/metrics/histogram.js';
import { createToxiproxyServer } from '../../../src/faults/api/server.js';
/**
 * GET /metrics exists only when metrics are enabled (Toxiproxy's api.go registers the route only then, for
 * any method); duress's run metrics are served from the registry the engine feeds.
 */
describe('Toxiproxy API: /metrics', { timeout: 30_000 }, () => {
    it('is 404 when metrics are off', async () => {
        const server = createToxiproxyServer({ port: 0 });
        const { url } = await server.start();
        try {
            assert.equal((await fetch(`${url}/metrics`)).status, 404);
        }
        finally {
            await server.stop();
        }
    });
    it('serves what the run fed, in Prometheus text, with runtime metrics named as Go\u2019s process collector names them', async () => {
        const run = createRunMetrics();
        run.exposure('patch', 7200);
        run.exposure('patch', 1800);
        run.failure('patch', 'hang');
        run.failure('patch', 'hang');
        run.failure('no-patch', 'crash');
        run.delivered('patch', 1234);
        run.inFlight('patch', 17);
        for (const s of [0.004, 0.02, 0.02, 3])
            run.latency('patch', s);
        const server = createToxiproxyServer({ port: 0, metrics: { runtime: true, registry: run.registry } });
        const { url } = await server.start();
        try {
            const r = await fetch(`${url}/metrics`, { method: 'POST' });
            assert.equal(r.status, 200);
            assert.match(r.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
            const text = await r.text();
            const has = (line) => assert.ok(text.split('\n').includes(line), `missing: ${line}`);
            has('duress_exposure_scenario_seconds_total{cell="patch"} 9000');
            has('duress_failures_total{cell="patch",kind="hang"} 2');
            has('duress_failures_total{cell="no-patch",kind="crash"} 1');
            has('duress_records_delivered_total{cell="patch"} 1234');
            has('duress_records_in_flight{cell="patch"} 17');
            has('duress_delivery_latency_scenario_seconds_bucket{le="0.005",cell="patch"} 1');
            has('duress_delivery_latency_scenario_seconds_bucket{le="0.025",cell="patch"} 3');
            has('duress_delivery_latency_scenario_seconds_bucket{le="2.5",cell="patch"} 3');
            has('duress_delivery_latency_scenario_seconds_bucket{le="5",cell="patch"} 4');
            has('duress_delivery_latency_scenario_seconds_count{cell="patch"} 4');
            assert.match(text, /^process_resident_memory_bytes \d+$/m);
            assert.match(text, /^process_cpu_seconds_total [\d.e+-]+$/m);
            assert.doesNotMatch(text, /toxiproxy_proxy_received_bytes_total/, 'proxy metrics were not asked for');
        }
        finally {
            await server.stop();
        }
    });
    it('a run\u2019s progress feeds the counters by increments, served on a metrics server of its own', async () => {
        const run = createRunMetrics();
        const feed = progressFeeder(run);
        const latencies = (...groups) => {
            const h = createHistogram();
            for (const [ms, n] of groups)
                for (let i = 0; i < n; i++)
                    recordMs(h, ms);
            return [encodeHistogram(h)];
        };
        const cell = (exposureHours, failures, generated, delivered, latencySinceLast) => ({
            name: 'c',
            phase: 'load',
            at: 0,
            duration: 60_000,
            instances: 2,
            exposureHours,
            failures,
            generated,
            delivered,
            latencySinceLast,
        });
        // 90 deliveries at 3 ms, then 100 at 40 ms and 50 at 2 s: the histogram holds all 240, by bucket.
        feed({ wallMs: 1000, cells: [cell(0.5, 1, 100, 90, latencies([3, 90]))] });
        feed({ wallMs: 2000, cells: [cell(1.25, 3, 250, 240, latencies([40, 100], [2000, 50]))] });
        const served = await serveMetrics(run.registry);
        try {
            assert.match(served.url, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
            const text = await (await fetch(served.url)).text();
            const lines = text.split('\n');
            for (const line of [
                'duress_exposure_scenario_seconds_total{cell="c"} 4500', // 1.25 h
                'duress_failures_total{cell="c",kind="any"} 3',
                'duress_records_delivered_total{cell="c"} 240',
                'duress_records_in_flight{cell="c"} 10',
                'duress_delivery_latency_scenario_seconds_bucket{le="0.0025",cell="c"} 0',
                'duress_delivery_latency_scenario_seconds_bucket{le="0.005",cell="c"} 90',
                'duress_delivery_latency_scenario_seconds_bucket{le="0.025",cell="c"} 90',
                'duress_delivery_latency_scenario_seconds_bucket{le="0.05",cell="c"} 190',
                'duress_delivery_latency_scenario_seconds_bucket{le="1",cell="c"} 190',
                'duress_delivery_latency_scenario_seconds_bucket{le="2.5",cell="c"} 240',
                'duress_delivery_latency_scenario_seconds_bucket{le="+Inf",cell="c"} 240',
                'duress_delivery_latency_scenario_seconds_count{cell="c"} 240',
            ]) {
                assert.ok(lines.includes(line), `missing: ${line}`);
            }
            // The sum, within HDR's 0.1% resolution: 90 × 3 ms + 100 × 40 ms + 50 × 2 s.
            const sum = Number(/^duress_delivery_latency_scenario_seconds_sum\{cell="c"\} (\S+)$/m.exec(text)?.[1]);
            const expected = 90 * 0.003 + 100 * 0.04 + 50 * 2;
            assert.ok(Math.abs(sum - expected) <= expected * 0.001, `sum ${sum}, expected about ${expected}`);
            assert.equal((await fetch(served.url.replace('/metrics', '/other'))).status, 404);
        }
        finally {
            await served.stop();
        }
    });
});
//# sourceMappingURL=api-metrics.test.js.map