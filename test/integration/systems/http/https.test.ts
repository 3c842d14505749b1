import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { test } from 'node:test';
import type { RunResults } from '../../../../src/results/results.js';
import { makeSinkCertificate } from '../../../../src/sinks/shared/certificate.js';
import { duressInProcess, type CliOutcome } from '../../../helpers/cli-in-process.js';

const duress = (args: string[]): Promise<CliOutcome> => duressInProcess(args);

test('https targets: a server with a certificate from its own CA is loaded with its CA or insecure, through the fault proxy; without either, every request fails on the certificate', { timeout: 90_000 }, async (t) => {
  const cert = await makeSinkCertificate();
  let plain = 0;
  const names = new Set<string>();
  const server = https.createServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => {
    if (!(req.socket as TLSSocket).encrypted) plain += 1;
    names.add((req.socket as TLSSocket & { servername?: string }).servername ?? '');
    req.resume();
    res.end('secret');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const target = `https://localhost:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(path.join(tmpdir(), 'duress-https-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  // duress load --insecure, through the fault proxy (TLS passes it as bytes).
  const cli = await duress(['load', `${target}/x`, '--rate', '40/s', '--duration', '1s', '--insecure', '--fault', 'latency 1ms', '--json']);
  assert.equal(cli.code, 0, cli.stderr);
  const summary = JSON.parse(cli.stdout) as { responses: number; errors: Record<string, number>; statuses: Record<string, number> };
  assert.deepEqual({ responses: summary.responses, errors: summary.errors, statuses: summary.statuses }, { responses: 40, errors: {}, statuses: { '200': 40 } });
  const refused = await duress(['load', 'http://localhost:1/', '--insecure']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--insecure and --ca are for an https:\/\/ target/);

  // kind: http, with the server's CA (checked for localhost through the route) and with Node's CAs, side by side.
  const file = path.join(dir, 'scenario.yaml');
  await writeFile(
    file,
    `name: https-target
duration: 1s
drain: 2s
system: { kind: http, target: ${target}, rate: 30/s, connections: 4, timeout: 5s }
matrix:
  check:
    ca: { system: { ca: ${JSON.stringify(cert.caPem)} } }
    default: {}
`,
  );
  const run = await duress(['run', file, '--out', path.join(dir, 'run')]);
  assert.equal(run.code, 0, run.stderr);
  const results = JSON.parse(await readFile(path.join(dir, 'run', 'results.json'), 'utf8')) as RunResults;
  const byName = new Map(results.cells.map((c) => [c.name, c]));
  const checked = byName.get('check=ca');
  assert.ok(checked && (checked.system.sent ?? 0) >= 20, JSON.stringify(checked?.system));
  assert.deepEqual(checked.requests, { '200': checked.system.sent }, 'every request answered over TLS');
  const unchecked = byName.get('check=default');
  assert.ok(unchecked && (unchecked.system.sent ?? 0) >= 20);
  assert.equal(unchecked.system.responses, 0, "Node's CAs do not know the server's");
  const kinds = Object.keys(unchecked.requests);
  assert.ok(kinds.length > 0 && kinds.every((k) => /CERT|SIGNATURE|VERIFY/.test(k)), `errors by kind: ${JSON.stringify(unchecked.requests)}`);
  assert.equal(plain, 0);
  assert.deepEqual([...names], ['localhost'], 'SNI names the target, not the proxy route');
  // --ca reads a PEM file; a file without one is refused before any request.
  const notPem = path.join(dir, 'not.pem');
  await writeFile(notPem, 'hello');
  const bad = await duress(['load', `${target}/x`, '--ca', notPem]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--ca: .*not\.pem holds no PEM certificate/);
});
