import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { duressInProcess, type CliOutcome } from '../helpers/cli-in-process.js';


const duress = (args: string[]): Promise<CliOutcome> => duressInProcess(args);

interface JsonSummary {
  model: string;
  responses: number;
  statuses: Record<string, number>;
  corrected: { p50: number; min: number };
  uncorrected: { p50: number; min: number };
  sentLate: { p50: number };
  thresholds: { expression: string; passed: boolean; reason?: string }[];
}

let server: http.Server;
let url = '';
const seen: { method: string; host: string; header: string; body: string; at: number }[] = [];

before(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', host: req.headers.host ?? '', header: String(req.headers['x-test'] ?? ''), body, at: performance.now() });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('duress load', { timeout: 60_000 }, () => {
  test("--fault 'latency 100ms' adds 100 ms to every response, and a threshold it breaks exits 1", async () => {
    const common = ['load', url, '--rate', '20/s', '--connections', '4', '--duration', '2s', '--json', '--threshold', 'p50 < 60ms'];
    const direct = await duress(common);
    const faulted = await duress([...common, '--fault', 'latency 100ms']);
    assert.equal(direct.code, 0, direct.stderr + direct.stdout);
    assert.equal(faulted.code, 1, faulted.stderr + faulted.stdout);
    const d = JSON.parse(direct.stdout) as JsonSummary;
    const f = JSON.parse(faulted.stdout) as JsonSummary;
    assert.equal(d.responses, 40);
    assert.equal(f.responses, 40);
    // Each response crosses the toxic once, downstream: no request can come back in less than 100 ms.
    assert.ok(f.uncorrected.min >= 100, `fastest response through the fault ${f.uncorrected.min} ms`);
    assert.ok(f.corrected.p50 - d.corrected.p50 >= 100 * 0.95, `p50 ${d.corrected.p50} ms → ${f.corrected.p50} ms`);
    // The toxic delays the response, not the send: 4 connections each get a request every 200 ms and hold
    // it about 100 ms, so none waits for a free connection and the requests go out about when due.
    assert.ok(f.sentLate.p50 < 50, `sent late p50 ${f.sentLate.p50} ms through the fault`);
    assert.ok(d.sentLate.p50 <= d.corrected.p50, `sent late p50 ${d.sentLate.p50} ms, corrected ${d.corrected.p50} ms`);
    assert.deepEqual(
      d.thresholds.map((t) => t.passed),
      [true],
    );
    assert.equal(f.thresholds[0]?.passed, false);
    assert.match(f.thresholds[0]?.reason ?? '', /needs < 60ms/);
  });

  test('the closed model with a method, headers and a body from a file prints the table; the target sees its own Host through the proxy', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'duress-load-'));
    try {
      const file = path.join(dir, 'body.json');
      await writeFile(file, '{"a":1}');
      seen.length = 0;
      const r = await duress(['load', url, '--connections', '2', '--duration', '1s', '--method', 'put', '--header', 'X-Test: yes', '--body', `@${file}`, '--fault', 'latency 1ms']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /closed model/);
      assert.match(r.stdout, /from send \(closed model\)/);
      assert.match(r.stdout, /Statuses +│ 200: /);
      assert.ok(seen.length > 0);
      assert.ok(seen.every((s) => s.method === 'PUT' && s.header === 'yes' && s.body === '{"a":1}' && s.host === new URL(url).host));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('--ramp 0-200/s:2s ramps the arrival rate: 200 requests due (the area under the ramp), three times as many in its second half as in its first', async () => {
    seen.length = 0;
    const r = await duress(['load', url, '--ramp', '0-200/s:2s', '--connections', '8', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as JsonSummary & { due: number; model: string };
    assert.equal(s.model, 'open');
    // 0 to 200/s over 2 s: ½ · 200/s · 2 s = 200 requests, 50 of them in the first second and 150 in the second.
    assert.equal(s.due, 200);
    assert.equal(s.responses, 200);
    const first = Math.min(...seen.map((x) => x.at));
    const early = seen.filter((x) => x.at - first < 1000).length;
    assert.ok(early >= 35 && early <= 90, `${early} of ${seen.length} arrived in the first second (50 due)`);
    const bad = await duress(['load', url, '--ramp', '0-200/s:2s', '--rate', '10/s']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--ramp and --rate: give one/);
  });
});
