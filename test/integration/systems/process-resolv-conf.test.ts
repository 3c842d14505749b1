import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadScenario, runScenario } from '../../../src/index.js';

/** The fixture forwarder, a separate Node program, as the test build makes it. */
const FIXTURE = fileURLToPath(new URL('../../fixtures/line-forwarder.js', import.meta.url));
const NXDOMAIN_MS = 2000;

test('kind: process with resolvConf: a program that reads only /etc/resolv.conf resolves its sink\'s name through duress\'s DNS server, and a DNS fault reaches it', { timeout: 60_000 }, async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'duress-process-resolv-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'scenario.yaml');
  // The fixture knows nothing of duress's DNS server: it posts to {{sink.url}}, http://i<slot>.sink.duress.test:<port>,
  // a name that exists only there, with a lookup for every call (--fresh-connections).
  await writeFile(
    file,
    `name: process-resolv-conf
duration: 5s
drain: 3s
instances: 2
failures: { hangWindow: 4s }
system:
  kind: process
  command: ${process.execPath}
  args: [${FIXTURE}, --config, '{{config}}', --fresh-connections]
  input: { via: tcp, rate: 100/s }
  dns: true
  resolvConf: true
  config:
    file: forwarder.json
    template: |
      { "input": { "via": "tcp", "host": "{{input.host}}", "port": {{input.port}} },
        "sink": { "url": "{{sink.url}}", "group": "fixture", "stream": "{{sink.channel}}" }, "flushMs": 100 }
faults:
  - { kind: dns-nxdomain, name: no-such-name, at: 1500ms, for: ${NXDOMAIN_MS}ms }
`,
  );
  const { results } = await runScenario(await loadScenario(file), { out: path.join(dir, 'run') });
  const cell = results.cells[0]!;
  const d = cell.delivery;
  assert.deepEqual(cell.failures, [], 'an outage of the name shorter than the hang window is no failure');
  // Delivered at all: the name was resolved, and only duress's DNS server knows it.
  assert.ok(d.generated >= 2 * 100 * 4, `generated ${d.generated}`);
  assert.equal(d.delivered, d.generated, JSON.stringify(d));
  assert.equal(d.lost + d.lostInFailures + d.undrained + d.foreign, 0, JSON.stringify(d));
  // The records due when the name stopped resolving waited for it to come back (the program retries every 200 ms).
  assert.ok(cell.latency.endToEnd.max >= NXDOMAIN_MS - 300, `max end-to-end latency ${cell.latency.endToEnd.max} ms`);
});
