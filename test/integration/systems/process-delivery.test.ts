import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadScenario, runScenario, type CellResults } from '../../../src/index.js';

/** The fixture forwarder, a separate Node program, as the test build makes it. */
const FIXTURE = fileURLToPath(new URL('../../fixtures/line-forwarder.js', import.meta.url));

const RATE = 200;
const HANG_WINDOW_MS = 3000;
/** Each record is 200 bytes and its newline: the file input rotates after ceil(ROTATE / 201) records. */
const RECORD_BYTES = 200;
const ROTATE = 16 * 1024;
const RECORDS_PER_FILE = Math.ceil(ROTATE / (RECORD_BYTES + 1));
const UNANSWERED_HANG_WINDOW_MS = 2000;
const NXDOMAIN_MS = 2000;

interface Run {
  cell: CellResults;
  /** Each instance's own counts (counts.json in its kept working folder), by instance id. */
  counts: Map<string, { dropped: number; rotations: number }>;
  /** The nameserver each instance's resolv.conf named (in its kept working folder), by instance id. */
  nameservers: Map<string, string>;
}

/**
 * Runs `yaml` (with `{{work}}` for a folder that keeps each instance's working folder) from a fresh folder,
 * removed after the test. `kept`: what each instance's kept folder holds to be read back.
 */
async function run(t: { after(fn: () => Promise<void>): void }, name: string, yaml: string, kept: 'counts' | 'resolv.conf' = 'counts'): Promise<Run> {
  const dir = await mkdtemp(path.join(tmpdir(), `duress-process-${name}-`));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const work = path.join(dir, 'work');
  const file = path.join(dir, 'scenario.yaml');
  await writeFile(file, yaml.replaceAll('{{work}}', work));
  const { results } = await runScenario(await loadScenario(file), { out: path.join(dir, 'run') });
  const events = (await readFile(path.join(dir, 'run', 'journal.jsonl'), 'utf8')).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { t: string; id?: string });
  const counts = new Map<string, { dropped: number; rotations: number }>();
  const nameservers = new Map<string, string>();
  for (const e of yaml.includes('{{work}}') ? events.filter((x) => x.t === 'instance-start') : []) {
    if (kept === 'counts') counts.set(e.id!, JSON.parse(await readFile(path.join(work, e.id!, 'counts.json'), 'utf8')) as { dropped: number; rotations: number });
    else nameservers.set(e.id!, /^nameserver (\S+)$/m.exec(await readFile(path.join(work, e.id!, 'resolv.conf'), 'utf8'))?.[1] ?? '');
  }
  return { cell: results.cells[0]!, counts, nameservers };
}

const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

/** A run whose programs read only /etc/resolv.conf (see below); `faults`: its fault timeline. */
const resolvScenario = (name: string, faults: string): string => `name: ${name}
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
  workDir: '{{work}}'
  config:
    file: forwarder.json
    template: |
      { "input": { "via": "tcp", "host": "{{input.host}}", "port": {{input.port}} },
        "sink": { "url": "{{sink.url}}", "group": "fixture", "stream": "{{sink.channel}}" }, "flushMs": 100 }
faults: ${faults}
`;

test('kind: process, five runs side by side: silent drops, a tailed file, an unanswered request, a resolv.conf of its own in two runs at once', { timeout: 90_000 }, async (t) => {
  const node = process.execPath;
  const [drop, file, unanswered, resolv, resolvTwin] = await Promise.all([
    // A queue of 100 records: while the route is down (2 s at 200/s) the rest is dropped, as syslog-ng's memory
    // queue does. The program then goes on delivering; in the drain it has nothing left, and says nothing.
    run(t, 'drop', `name: process-silent-drop
duration: 5s
drain: 4s
instances: 3
failures: { hangWindow: ${HANG_WINDOW_MS}ms }
system:
  kind: process
  command: ${node}
  args: [${FIXTURE}, --config, '{{config}}', --queue-limit, '100']
  input: { via: tcp, rate: ${RATE}/s }
  workDir: '{{work}}'
  config:
    file: forwarder.json
    template: |
      { "input": { "via": "tcp", "host": "{{input.host}}", "port": {{input.port}} },
        "sink": { "url": "{{sink.url}}", "group": "fixture", "stream": "{{sink.channel}}" }, "flushMs": 100 }
faults:
  - { kind: down, name: dead-sink, at: 1s, for: 2s }
`),
    run(t, 'file', `name: process-file
duration: 4s
drain: 3s
instances: 2
failures: { hangWindow: ${HANG_WINDOW_MS}ms }
sink: { kind: cloudwatch, tls: true }
system:
  kind: process
  command: ${node}
  args: [${FIXTURE}, --config, '{{config}}']
  input: { via: file, rate: ${RATE}/s, recordSize: ${RECORD_BYTES}B, rotate: ${ROTATE}B, batch: 1 }
  workDir: '{{work}}'
  config:
    file: forwarder.json
    template: |
      { "input": { "via": "file", "path": "{{input.file}}" },
        "sink": { "url": "{{sink.url}}", "group": "fixture", "stream": "{{sink.channel}}", "caFile": "{{sink.caFile}}" }, "flushMs": 100 }
`),
    // The sink holds its answers for an hour from 1 s on: the program waits on a request for good.
    run(t, 'unanswered', `name: process-unanswered
duration: 4s
drain: 1s
instances: 2
failures: { hangWindow: ${UNANSWERED_HANG_WINDOW_MS}ms }
system:
  kind: process
  command: ${node}
  args: [${FIXTURE}, --config, '{{config}}']
  input: { via: tcp, rate: 100/s }
  config:
    file: forwarder.json
    template: |
      { "input": { "via": "tcp", "host": "{{input.host}}", "port": {{input.port}} },
        "sink": { "url": "{{sink.url}}", "group": "fixture", "stream": "{{sink.channel}}" }, "flushMs": 100 }
faults:
  - { kind: sink-slow, name: unanswered, at: 1s, for: 3s, latency: 1h }
`),
    // The fixture knows nothing of duress's DNS server: it posts to {{sink.url}}, http://i<slot>.sink.duress.test:<port>,
    // a name that exists only there, with a lookup for every call (--fresh-connections).
    // Two such runs at once, as two CI jobs on one machine: both one cell, cell 0, whose own DNS address is
    // 127.53.1.1; the name fails to resolve in the first only.
    run(t, 'resolv', resolvScenario('process-resolv-conf', `[{ kind: dns-nxdomain, name: no-such-name, at: 1500ms, for: ${NXDOMAIN_MS}ms }]`), 'resolv.conf'),
    run(t, 'resolv-twin', resolvScenario('process-resolv-conf-twin', '[]'), 'resolv.conf'),
  ]);

  await t.test('silent drops: one loss per program that dropped, each exactly the records it says it dropped; no hang', () => {
    const d = drop.cell.delivery;
    const dropped = new Map([...drop.counts].filter(([, c]) => c.dropped > 0).map(([id, c]) => [id, c.dropped]));
    // 2 s of a dead route at 200/s, less the 100 held: about 300 per program; at least some in every one.
    assert.equal(dropped.size, 3, JSON.stringify([...drop.counts]));
    assert.deepEqual(drop.cell.failures.map((f) => f.mode), ['loss', 'loss', 'loss'], JSON.stringify(drop.cell.failures.map((f) => [f.mode, f.evidence])));
    for (const f of drop.cell.failures) assert.equal(f.evidence.lostRecords, dropped.get(f.id), `${f.id}: lost what it dropped`);
    assert.equal(d.lost, sum(dropped.values()), JSON.stringify(d));
    assert.equal(d.delivered + d.lost, d.generated, JSON.stringify(d));
    // Copies are allowed: a batch the sink took as the route went down was never answered, and was sent again.
    assert.equal(d.lostInFailures + d.undrained + d.dropped + d.foreign, 0, JSON.stringify(d));
  });

  await t.test('file input: every record appended to a file rotated under the program is delivered, over HTTPS trusted through {{sink.caFile}}', () => {
    const d = file.cell.delivery;
    assert.deepEqual(file.cell.failures, []);
    assert.ok(d.generated >= 2 * RATE * 3, `generated ${d.generated}`);
    assert.equal(d.delivered, d.generated, JSON.stringify(d));
    assert.equal(d.lost + d.lostInFailures + d.undrained + d.duplicated + d.foreign, 0, JSON.stringify(d));
    assert.equal(file.cell.drained, true);
    // A rotation every RECORDS_PER_FILE records of an instance: the programs followed each (the sum of the
    // instances' floor(generated / RECORDS_PER_FILE) is at most one under floor(total / RECORDS_PER_FILE) per instance).
    const rotations = sum([...file.counts.values()].map((c) => c.rotations));
    const most = Math.floor(d.generated / RECORDS_PER_FILE);
    assert.ok(rotations <= most && rotations >= most - (file.counts.size - 1) && rotations >= 4, `rotations followed ${rotations}, expected ${most - file.counts.size + 1}..${most}`);
  });

  await t.test('a program waiting on an answer that never comes hangs, and the hang says its request was unanswered that long (the route\'s in-flight view)', () => {
    const hangs = unanswered.cell.failures.filter((f) => f.mode === 'hang');
    assert.ok(hangs.length >= 2 && hangs.length === unanswered.cell.failures.length, JSON.stringify(unanswered.cell.failures.map((f) => [f.mode, f.evidence])));
    for (const f of hangs) {
      const waited = Number(f.evidence.requestUnansweredForMs);
      assert.ok(waited >= UNANSWERED_HANG_WINDOW_MS - 500 && waited >= Number(f.evidence.quietForMs) - 500, JSON.stringify(f.evidence));
      assert.match(String(f.evidence.reason), /a request to the sink unanswered for \d+\.\d s/);
    }
  });

  await t.test('resolvConf: a program that reads only /etc/resolv.conf resolves its sink\'s name through duress\'s DNS server, and a DNS fault reaches it', () => {
    const d = resolv.cell.delivery;
    assert.deepEqual(resolv.cell.failures, [], 'an outage of the name shorter than the hang window is no failure');
    // Delivered at all: the name was resolved, and only duress's DNS server knows it.
    assert.ok(d.generated >= 2 * 100 * 4, `generated ${d.generated}`);
    assert.equal(d.delivered, d.generated, JSON.stringify(d));
    assert.equal(d.lost + d.lostInFailures + d.undrained + d.foreign, 0, JSON.stringify(d));
    // The records due when the name stopped resolving waited for it to come back (the program retries every 200 ms).
    assert.ok(resolv.cell.latency.endToEnd.max >= NXDOMAIN_MS - 300, `max end-to-end latency ${resolv.cell.latency.endToEnd.max} ms`);
  });

  await t.test("resolvConf in two runs at once: each run's DNS server took an address of its own on port 53, and each program resolved through its own run's server", () => {
    const first = new Set(resolv.nameservers.values());
    const twin = new Set(resolvTwin.nameservers.values());
    assert.equal(resolv.nameservers.size, 2);
    assert.equal(resolvTwin.nameservers.size, 2);
    // One cell each: one server each, named by both of its instances.
    assert.equal(first.size, 1, JSON.stringify([...resolv.nameservers]));
    assert.equal(twin.size, 1, JSON.stringify([...resolvTwin.nameservers]));
    const [a, b] = [[...first][0]!, [...twin][0]!];
    assert.match(a, /^127\.53\.\d+\.\d+$/);
    assert.match(b, /^127\.53\.\d+\.\d+$/);
    assert.notEqual(a, b, 'both wanted 127.53.1.1; the one that came second took another address');
    // Its own server: the first run's outage did not reach the twin's programs (they would have waited for
    // the name as the first run's did, at least NXDOMAIN_MS - 300 ms: see above), and the twin delivered all.
    const d = resolvTwin.cell.delivery;
    assert.deepEqual(resolvTwin.cell.failures, []);
    assert.ok(d.generated >= 2 * 100 * 4, `generated ${d.generated}`);
    assert.equal(d.delivered, d.generated, JSON.stringify(d));
    assert.ok(resolvTwin.cell.latency.endToEnd.max < NXDOMAIN_MS - 300, `the twin's max end-to-end latency ${resolvTwin.cell.latency.endToEnd.max} ms`);
  });
});
