import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { waitFor } from '../helpers/wait.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
const quickstart = path.join(root, 'scenarios', 'quickstart.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'duress-run-metrics-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The sum of a metric's samples over all its label sets in a Prometheus text exposition (undefined: absent). */
function total(exposition: string, name: string): number | undefined {
  let sum: number | undefined;
  for (const line of exposition.split('\n')) {
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`).exec(line);
    if (m) sum = (sum ?? 0) + Number(m[1]);
  }
  return sum;
}

/** Scrapes every 200 ms until `ready` holds of the exposition or the run has ended; bounded by `timeoutMs`. */
async function scrapeUntil(url: string, ready: (text: string) => boolean, ended: () => boolean, timeoutMs: number, what: string): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const text = await scrape(url);
    if (ready(text) || ended()) return text;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last scrape:\n${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function scrape(url: string): Promise<string> {
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return res.text();
}

test('duress run --metrics-port 0 serves the run\'s exposure and deliveries on loopback while it runs, and they grow', { timeout: 180_000 }, async () => {
  // Intervals of 1 s (the quickstart's are 5 s): the latencies, which come with the journaled intervals, show up sooner.
  const child = spawn(process.execPath, [bin, 'run', quickstart, '--duration', '40s', '--instances', '1', '--set', 'report.interval=1s', '--metrics-port', '0', '--out', path.join(dir, 'run')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TOXIPROXY_URL: '' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout.resume();
  let exited = false;
  const exit = once(child, 'exit') as Promise<[number | null]>;
  void exit.then(() => (exited = true));
  try {
    await waitFor(() => /metrics at \S+/.test(stderr) || exited, 60_000, 'the metrics URL on stderr');
    const url = /metrics at (\S+)/.exec(stderr)?.[1];
    assert.ok(url, `no metrics URL on stderr: ${stderr}`);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);

    // Progress comes once a second: poll until the run has accrued exposure and delivered records.
    const exposure = (text: string): number => total(text, 'duress_exposure_scenario_seconds_total') ?? 0;
    const delivered = (text: string): number => total(text, 'duress_records_delivered_total') ?? 0;
    const first = await scrapeUntil(url, (t) => exposure(t) > 0 && delivered(t) > 0, () => exited, 60_000, 'exposure and deliveries above 0');
    assert.equal(exited, false, `the run ended before it could be watched: ${stderr}`);
    const exposure1 = exposure(first);
    const delivered1 = delivered(first);
    assert.notEqual(total(first, 'duress_records_in_flight'), undefined, 'in-flight gauge present');

    // Latency comes with the intervals the run journals: wait for the first.
    const latencyCount = (text: string): number => total(text, 'duress_delivery_latency_scenario_seconds_count') ?? 0;
    const later = await scrapeUntil(url, (t) => exposure(t) > exposure1 && delivered(t) > delivered1 && latencyCount(t) > 0, () => exited, 60_000, 'exposure, deliveries and latencies to grow');
    assert.equal(exited, false, `the run ended before the figures grew: ${stderr}`);
    assert.ok(delivered(later) > delivered1);
    // A latency per delivered record of the intervals so far: never more than the deliveries, all in a bucket.
    assert.ok(latencyCount(later) <= delivered(later), `${latencyCount(later)} latencies, ${delivered(later)} delivered`);
    assert.equal(total(later, 'duress_delivery_latency_scenario_seconds_bucket\\{le="\\+Inf",cell="[^"]*"\\}'), latencyCount(later));
    const grownExposure = exposure(later) - exposure1;
    // One instance accrues scenario seconds at the clock's speed (1 in quickstart): the growth cannot exceed the run's length.
    assert.ok(grownExposure > 0 && grownExposure <= 40, `exposure grew by ${grownExposure} s`);

    // Stopped as a user would stop a long soak (Ctrl-C): it ends as an interrupted run, and the server goes with it.
    child.kill('SIGINT');
    const [code] = await exit;
    assert.equal(code, 130, `exit ${code}: ${stderr}`);
    await assert.rejects(fetch(url));
  } finally {
    if (!exited) child.kill('SIGTERM');
  }
});

test('duress run --metrics-port on a port already taken is refused (exit 2) before the run starts', { timeout: 60_000 }, async () => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as net.AddressInfo).port;
  try {
    const out = path.join(dir, 'refused');
    const child = spawn(process.execPath, [bin, 'run', quickstart, '--metrics-port', String(port), '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 2, stderr);
    assert.equal(existsSync(out), false, 'no run folder made for a run that was refused');
    assert.match(stderr, new RegExp(`^duress: --metrics-port ${port}: cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`, 'm'));
  } finally {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  }
});
