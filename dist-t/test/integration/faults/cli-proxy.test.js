import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main.js';
import { roundTrip } from '../../helpers/proxy-harness.js';
import { connect, startEchoServer, within } from '../../helpers/tcp-servers.js';
function testIO() {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    const firstLine = new Promise((resolve) => stdout.on('data', (d) => {
        out += d.toString();
        if (out.includes('\n'))
            resolve(out.slice(0, out.indexOf('\n')));
    }));
    stderr.on('data', (d) => (err += d.toString()));
    const stop = new AbortController();
    return { io: { stdout, stderr, env: {}, cwd: process.cwd(), interrupted: stop.signal }, out: () => out, err: () => err, stop, firstLine };
}
describe('duress proxy', { timeout: 30_000 }, () => {
    it('serves the API with the --config proxies until interrupted, then stops cleanly', async () => {
        const echo = await startEchoServer();
        const dir = await mkdtemp(path.join(tmpdir(), 'duress-proxy-'));
        try {
            const config = path.join(dir, 'toxiproxy.json');
            await writeFile(config, JSON.stringify([{ name: 'echo', listen: '127.0.0.1:0', upstream: echo.address }]));
            const t = testIO();
            const exit = runCli(['proxy', '--port', '0', '--config', config, '--seed', '1'], t.io);
            const line = await within(10_000, 'the listening line', t.firstLine);
            const m = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
            assert.ok(m, line);
            const url = m[1];
            const proxies = (await (await fetch(`${url}/proxies`)).json());
            const listen = proxies.echo?.listen ?? '';
            const s = await connect(Number(listen.slice(listen.lastIndexOf(':') + 1)));
            await roundTrip(s);
            t.stop.abort('SIGINT');
            assert.equal(await within(10_000, 'the command to return', exit), 0);
            await within(5000, 'the proxied connection to close', new Promise((r) => (s.destroyed ? r(null) : s.once('close', r))));
            await assert.rejects(() => fetch(`${url}/version`));
            assert.match(t.err(), /populated 1 proxy/);
        }
        finally {
            await rm(dir, { recursive: true, force: true });
            await echo.close();
        }
    });
    it('rejects an unreadable or invalid --config with exit code 2', async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'duress-proxy-'));
        try {
            const bad = path.join(dir, 'bad.json');
            await writeFile(bad, '[{"name":"x"}]');
            let t = testIO();
            assert.equal(await runCli(['proxy', '--port', '0', '--config', bad], t.io), 2);
            assert.match(t.err(), /missing required field: upstream at proxy 1/);
            t = testIO();
            assert.equal(await runCli(['proxy', '--port', '0', '--config', path.join(dir, 'none.json')], t.io), 2);
            assert.match(t.err(), /cannot read/);
        }
        finally {
            await rm(dir, { recursive: true, force: true });
        }
    });
    it('--version-string and --proxy-metrics: /version says the chosen version, /metrics counts the bytes each link carried', async () => {
        const echo = await startEchoServer();
        const t = testIO();
        const exit = runCli(['proxy', '--port', '0', '--version-string', 'v2.12.0', '--proxy-metrics'], t.io);
        try {
            const line = await within(10_000, 'the listening line', t.firstLine);
            const url = /^listening on (http:\/\/\S+)$/.exec(line)?.[1] ?? assert.fail(line);
            assert.equal(await (await fetch(`${url}/version`)).text(), '{"version": "v2.12.0"}\n');
            const created = (await (await fetch(`${url}/proxies`, { method: 'POST', body: JSON.stringify({ name: 'e', listen: '127.0.0.1:0', upstream: echo.address }) })).json());
            const s = await connect(Number(created.listen.slice(created.listen.lastIndexOf(':') + 1)));
            // 3 round trips of 16, 100 and 1000 bytes: each direction received and sent 1116 bytes.
            for (const size of [16, 100, 1000])
                await roundTrip(s, size);
            const open = await (await fetch(`${url}/metrics`)).text();
            const labels = (direction) => `{direction="${direction}",listener="${created.listen}",proxy="e",upstream="${echo.address}"}`;
            for (const d of ['upstream', 'downstream']) {
                assert.ok(open.includes(`toxiproxy_proxy_received_bytes_total${labels(d)} 1116\n`), open);
                assert.ok(open.includes(`toxiproxy_proxy_sent_bytes_total${labels(d)} 1116\n`), open);
            }
            // Closed connections keep counting in the totals.
            s.destroy();
            const s2 = await connect(Number(created.listen.slice(created.listen.lastIndexOf(':') + 1)));
            await roundTrip(s2, 4);
            s2.destroy();
            const later = await (await fetch(`${url}/metrics`)).text();
            assert.ok(later.includes(`toxiproxy_proxy_received_bytes_total${labels('upstream')} 1120\n`), later);
            assert.match(later, /^# TYPE toxiproxy_proxy_sent_bytes_total counter$/m);
        }
        finally {
            t.stop.abort('SIGINT');
            assert.equal(await within(10_000, 'the command to return', exit), 0);
            await echo.close();
        }
    });
    it('rejects a bad --seed or --version-string with exit code 2 before serving', async () => {
        for (const args of [['--seed', 'abc'], ['--seed', '1.5'], ['--version-string', 'v"2'], ['--version-string', '']]) {
            const t = testIO();
            assert.equal(await within(5000, `proxy ${args.join(' ')}`, runCli(['proxy', '--port', '0', ...args], t.io)), 2, args.join(' '));
            assert.equal(t.out(), '', 'nothing was served');
            assert.match(t.err(), args[0] === '--seed' ? /--seed: expected a whole number/ : /--version-string: expected/);
        }
    });
});
//# sourceMappingURL=cli-proxy.test.js.map