import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { decodeHistogram } from '../../../src/metrics/histogram.js';
import type { RunResults } from '../../../src/results/results.js';
import { duressInProcess, type CliOutcome } from '../../helpers/cli-in-process.js';

const duress = (args: string[]): Promise<CliOutcome> => duressInProcess(args);

const RATE = 50;
const LATENCY_MS = 100;

test('system kind http: a target on a clean route and behind a latency toxic; the difference in every latency, statuses from a request list, and a threshold decides the exit code', { timeout: 90_000 }, async (t) => {
  const hosts = new Set<string>();
  const paths = new Map<string, number>();
  const server = http.createServer((req, res) => {
    hosts.add(req.headers.host ?? '');
    paths.set(req.url ?? '', (paths.get(req.url ?? '') ?? 0) + 1);
    req.resume();
    res.statusCode = req.url === '/missing' ? 404 : 200;
    res.end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  server.keepAliveTimeout = 30_000;
  const target = `http://localhost:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(path.join(tmpdir(), 'duress-http-kind-'));
  t.after(() => (process.env.KEEP_RUN ? undefined : rm(dir, { recursive: true, force: true })));
  const file = path.join(dir, 'scenario.yaml');
  // Two cells: the same target, straight and with 100 ms on every answer (downstream). One request of three
  // is answered 404. The thresholds: the slowed route's p50 is at least the toxic's (passes when the toxic
  // acted), so it is not under it (fails: exit 1); the shortfall is the cells' (whatever a loaded machine made it).
  await writeFile(
    file,
    `name: http-two-routes
duration: 2s
drain: 3s
instances: 1
report: { interval: 1s }
system:
  kind: http
  target: ${target}
  rate: ${RATE}/s
  connections: 20
  requests:
    - { path: /a }
    - { path: /missing }
    - { method: POST, path: /b, body: 'x=1' }
matrix:
  route:
    clean: {}
    slowed: { faults: [{ kind: latency, latency: ${LATENCY_MS}ms, at: 0s, for: 10s }] }
thresholds:
  - 'p50{route=slowed} >= ${LATENCY_MS}ms'
  - 'p50{route=slowed} < ${LATENCY_MS}ms'
  - 'shortfall < 1000000'
`,
  );
  const run = await duress(['run', file, '--out', path.join(dir, 'run')]);
  assert.equal(run.code, 1, `the slowed route breaks its threshold: exit 1\n${run.stderr}\n${run.stdout}`);
  const results = JSON.parse(await readFile(path.join(dir, 'run', 'results.json'), 'utf8')) as RunResults;
  const [clean, slowed] = results.cells;
  assert.ok(clean && slowed);
  assert.deepEqual([clean.name, slowed.name], ['route=clean', 'route=slowed']);

  for (const cell of [clean, slowed]) {
    // About 2 s at 50/s (the load starts a little before the cell's time does). Every request due was sent
    // or is the shortfall (on a loaded machine, connections may all be busy at the end).
    assert.ok(cell.delivery.generated >= RATE * 1.8 && cell.delivery.generated <= RATE * 3.5, `${cell.name} due ${cell.delivery.generated}`);
    assert.equal((cell.system.sent ?? 0) + (cell.system.shortfall ?? 0), cell.delivery.generated, `${cell.name}: due = sent + shortfall`);
    assert.equal(cell.delivery.dropped, cell.system.shortfall, 'the shortfall is the declared drop');
    assert.ok((cell.system.sent ?? 0) >= RATE, `${cell.name} sent ${cell.system.sent}`);
    // Every request answered: by the list, a third of them 404 (the others 200).
    const ok = cell.requests['200'] ?? 0;
    const missing = cell.requests['404'] ?? 0;
    const sent = cell.system.sent ?? 0;
    assert.equal(ok + missing, sent, `${cell.name}: ${JSON.stringify(cell.requests)}`);
    assert.ok(Math.abs(missing - sent / 3) <= 1, `${cell.name}: ${missing} of ${sent} answered 404`);
    assert.equal(cell.delivery.delivered, sent, 'every request sent got its response');
    assert.equal(cell.system.bytesReceived, sent * 'hello'.length);
    assert.equal(cell.overTime.reduce((n, p) => n + p.requestsFailed, 0), missing, '404s are the failed requests');
    assert.deepEqual(cell.latencyLabels, { endToEnd: 'corrected (from due time)', request: 'uncorrected (from send)' });
    assert.equal(cell.failures.length, 0);
  }
  // The toxic is in the responses of the slowed route (all but any that beat its installation at 0s), both
  // latencies; the clean route had faster ones.
  const min = (encoded: string): number => decodeHistogram(encoded).minNonZeroValue / 1000;
  const p10 = (encoded: string): number => decodeHistogram(encoded).getValueAtPercentile(10) / 1000;
  assert.ok(p10(slowed.latency.request.histogram) >= LATENCY_MS, `slowed uncorrected p10 ${p10(slowed.latency.request.histogram)}`);
  assert.ok(p10(slowed.latency.endToEnd.histogram) >= LATENCY_MS, 'corrected ≥ uncorrected');
  assert.ok(min(clean.latency.request.histogram) < LATENCY_MS, `clean uncorrected min ${min(clean.latency.request.histogram)}`);
  assert.ok(slowed.latency.endToEnd.p50 > clean.latency.endToEnd.p50, 'the summary shows the difference');
  // Through the proxy route, the target saw its own name; the list was sent in turn.
  assert.deepEqual([...hosts], [new URL(target).host]);
  assert.deepEqual([...paths.keys()].sort(), ['/a', '/b', '/missing']);

  // The summary labels both latencies; the threshold table says which passed.
  assert.match(run.stdout, /corrected \(from due time\) latency/);
  assert.match(run.stdout, /p50\{route=slowed\} >= 100ms\s*│[^│]*│[^│]*│ passed/);
  assert.match(run.stdout, /p50\{route=slowed\} < 100ms\s*│[^│]*│[^│]*│ FAILED/);
  const shortfall = (clean.system.shortfall ?? 0) + (slowed.system.shortfall ?? 0);
  assert.match(run.stdout, new RegExp(`shortfall < 1000000\\s*│ ${shortfall} `), 'the shortfall threshold reads the cells\' shortfall');

  // compare reads the two routes as any two variants: the latency shift is the toxic's.
  const compared = await duress(['compare', path.join(dir, 'run'), '--baseline', 'route=clean', '--candidate', 'route=slowed']);
  assert.equal(compared.code, 0, compared.stderr);
  assert.match(compared.stdout, /p50/);
});
