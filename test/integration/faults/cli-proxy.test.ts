import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main.js';
import type { CliIO } from '../../../src/cli/io.js';
import { roundTrip } from '../../helpers/proxy-harness.js';
import { connect, startEchoServer, within } from '../../helpers/tcp-servers.js';

function testIO(): { io: CliIO; out: () => string; err: () => string; stop: AbortController; firstLine: Promise<string> } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  const firstLine = new Promise<string>((resolve) =>
    stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    }),
  );
  stderr.on('data', (d: Buffer) => (err += d.toString()));
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
      const url = m[1] as string;
      const proxies = (await (await fetch(`${url}/proxies`)).json()) as Record<string, { listen: string }>;
      const listen = proxies.echo?.listen ?? '';
      const s = await connect(Number(listen.slice(listen.lastIndexOf(':') + 1)));
      await roundTrip(s);
      t.stop.abort('SIGINT');
      assert.equal(await within(10_000, 'the command to return', exit), 0);
      await within(5000, 'the proxied connection to close', new Promise((r) => (s.destroyed ? r(null) : s.once('close', r))));
      await assert.rejects(() => fetch(`${url}/version`));
      assert.match(t.err(), /populated 1 proxy/);
    } finally {
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
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
