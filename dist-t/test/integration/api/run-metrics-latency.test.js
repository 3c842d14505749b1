import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runScenario } from '../../../src/engine/run.js';
import { createRunMetrics, progressFeeder } from '../../../src/api/run-metrics.js';
import { loadScenarioDocument } from '../../../src/scenario/load.js';
import { expandMatrix } from '../../../src/scenario/matrix.js';
/** Two instances at 200 records/s each for 4 s, a 150 ms latency toxic on the sink link from 1 s. */
const YAML = `
name: metrics-latency
seed: 5
duration: 4s
instances: 2
drain: 10s
system:
  kind: forwarder
  input: { rate: 200/s }
  flush: 200ms
report: { interval: 1s }
faults:
  - { kind: latency, at: 1s, latency: 150ms }
`;
const NAME = 'duress_delivery_latency_scenario_seconds';
test('the run metrics\' latency histogram holds every record of the results\' end-to-end histogram, in the right buckets', { timeout: 120_000 }, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'duress-metrics-latency-'));
    try {
        const file = path.join(dir, 'm.yaml');
        writeFileSync(file, YAML);
        const { scenario, data } = await loadScenarioDocument(file);
        const metrics = createRunMetrics();
        const results = await runScenario(scenario, expandMatrix(data, scenario, file), { file, dir, onProgress: progressFeeder(metrics) });
        const text = await metrics.registry.metrics();
        const cell = results.cells[0];
        const e2e = cell.latency.endToEnd;
        t.diagnostic(`results: ${e2e.count} latencies, p50 ${e2e.p50} ms, p99 ${e2e.p99} ms; delivered ${cell.delivery.delivered}`);
        assert.ok(e2e.count > 500, `the run delivered (${e2e.count} latencies)`);
        const sample = (suffix, le) => {
            const labels = le === undefined ? `{cell="${cell.name}"}` : `{le="${le}",cell="${cell.name}"}`;
            const line = text.split('\n').find((l) => l.startsWith(`${NAME}_${suffix}${labels} `));
            assert.ok(line, `${NAME}_${suffix}${labels} served:\n${text}`);
            return Number(line.split(' ').pop());
        };
        assert.equal(sample('count'), e2e.count, 'one observation per record of the results\' histogram');
        assert.equal(sample('bucket', '+Inf'), e2e.count);
        // The sum over the count is the results' mean (HDR's 0.1% resolution).
        assert.ok(Math.abs(sample('sum') / sample('count') - e2e.mean / 1000) <= (e2e.mean / 1000) * 0.002, `mean ${sample('sum') / sample('count')} s vs ${e2e.mean / 1000} s`);
        // Each percentile of the results lies in the bucket where the cumulative count first reaches it.
        const buckets = [...text.matchAll(new RegExp(`^${NAME}_bucket\\{le="([^"+]+)",cell="${cell.name}"\\} (\\S+)$`, 'gm'))].map((m) => ({ le: Number(m[1]), n: Number(m[2]) }));
        assert.ok(buckets.length >= 10);
        for (let i = 1; i < buckets.length; i++)
            assert.ok(buckets[i].n >= buckets[i - 1].n, 'cumulative buckets');
        for (const [p, ms] of [[0.5, e2e.p50], [0.99, e2e.p99]]) {
            const k = buckets.findIndex((b) => b.n >= p * e2e.count);
            assert.ok(k >= 0);
            const s = ms / 1000;
            assert.ok(s <= buckets[k].le * 1.001, `p${p * 100} ${s} s at most le=${buckets[k].le}`);
            if (k > 0)
                assert.ok(s > buckets[k - 1].le * 0.999, `p${p * 100} ${s} s above le=${buckets[k - 1].le}`);
        }
        // The toxic's 150 ms: at least 1% of the records took longer than 100 ms.
        const le01 = buckets.find((b) => b.le === 0.1).n;
        assert.ok(e2e.count - le01 >= e2e.count * 0.01, `${e2e.count - le01} records over 100 ms`);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
//# sourceMappingURL=run-metrics-latency.test.js.map