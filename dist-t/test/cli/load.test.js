import assert from 'node:assert/strict';
import http from 'node:http';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
/** `duress load …` in this process, with stdout and stderr captured (not a terminal). */
async function duress(args) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d) => (out += d.toString()));
    stderr.on('data', (d) => (err += d.toString()));
    const code = await runCli(args, { stdout, stderr, env: {}, cwd: process.cwd(), interrupted: new AbortController().signal });
    return { code, stdout: out, stderr: err };
}
let server;
let url = '';
const seen = [];
before(async () => {
    server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += d.toString()));
        req.on('end', () => {
            seen.push({ method: req.method ?? '', host: req.headers.host ?? '', header: String(req.headers['x-test'] ?? ''), body });
            res.end('ok');
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/x`;
});
after(() => new Promise((resolve) => server.close(() => resolve())));
describe('duress load', { timeout: 60_000 }, () => {
    test("--fault 'latency 100ms' adds 100 ms to every response, and a threshold it breaks exits 1", async () => {
        const common = ['load', url, '--rate', '20/s', '--connections', '4', '--duration', '2s', '--json', '--threshold', 'p50 < 60ms'];
        const direct = await duress(common);
        const faulted = await duress([...common, '--fault', 'latency 100ms']);
        assert.equal(direct.code, 0, direct.stderr + direct.stdout);
        assert.equal(faulted.code, 1, faulted.stderr + faulted.stdout);
        const d = JSON.parse(direct.stdout);
        const f = JSON.parse(faulted.stdout);
        assert.equal(d.responses, 40);
        assert.equal(f.responses, 40);
        // Each response crosses the toxic once, downstream: no request can come back in less than 100 ms.
        assert.ok(f.uncorrected.min >= 100, `fastest response through the fault ${f.uncorrected.min} ms`);
        assert.ok(f.corrected.p50 - d.corrected.p50 >= 100 * 0.95, `p50 ${d.corrected.p50} ms → ${f.corrected.p50} ms`);
        assert.deepEqual(d.thresholds.map((t) => t.passed), [true]);
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
        }
        finally {
            await rm(dir, { recursive: true, force: true });
        }
    });
});
//# sourceMappingURL=load.test.js.map