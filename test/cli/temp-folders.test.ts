import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../helpers/wait.js';

/**
 * duress's temporary folders (src/core/temp-folders.ts) do not outlive the run that made them, however
 * it ends short of SIGKILL, and those of a duress killed with SIGKILL are reaped by the next one. Each run
 * is a real `duress run` child whose TMPDIR is a folder of this test's own: its listing is what that run
 * made (and its notes), whatever other tests do in /tmp meanwhile. What each run made is read from the
 * folder's inotify events (fs.watch) as it happens, so a folder made and removed between two looks counts.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
const FIXTURE = fileURLToPath(new URL('../fixtures/line-forwarder.js', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'duress-temp-folders-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The child's temporary folder, and the notes folder duress keeps in it (src/core/owner-notes.ts). */
const TMP = path.join(work, 'tmp');
mkdirSync(TMP);
const NOTES = path.join(TMP, `duress-programs-${process.getuid?.() ?? 0}`);

/** A process target with a TLS sink: each instance's working folder and the sink's CA folder are temporary. */
const scenario = (duration: string): string => `name: temp-folders
duration: ${duration}
drain: 2s
instances: 2
sink: { kind: cloudwatch, tls: true }
system:
  kind: process
  command: ${process.execPath}
  args: [${FIXTURE}, --config, '{{config}}']
  input: { via: tcp, rate: 50/s }
  shutdownGrace: 1s
  config:
    file: forwarder.json
    template: |
      { "input": { "via": "tcp", "host": "{{input.host}}", "port": {{input.port}} },
        "sink": { "url": "{{sink.url}}", "group": "g", "stream": "{{sink.channel}}", "caFile": "{{sink.caFile}}" }, "flushMs": 100 }
`;

interface Run {
  child: ChildProcess;
  /** Names that appeared in TMP while it ran. */
  made: Set<string>;
  stderr: () => string;
}

function startRun(name: string, duration: string): Run {
  const file = path.join(work, `${name}.yaml`);
  writeFileSync(file, scenario(duration));
  const made = new Set<string>();
  const watcher = watch(TMP, (_event, entry) => {
    if (entry !== null) made.add(entry);
  });
  const child = spawn(process.execPath, [bin, 'run', file, '--out', path.join(work, name)], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TMPDIR: TMP } });
  child.once('exit', () => watcher.close());
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return { child, made, stderr: () => stderr };
}

/** The run made its instances' and its sink's temporary folders, and none of them, nor its notes, is left. */
function assertNoneLeft(run: Run): void {
  const made = [...run.made].filter((n) => n.startsWith('duress-') && n !== path.basename(NOTES));
  assert.ok(made.some((n) => /^duress-c0s0g\d+-\w{6}$/.test(n)) && made.some((n) => /^duress-c0s1g\d+-\w{6}$/.test(n)), `the instances' folders were made: ${made.join(' ')}`);
  assert.ok(made.some((n) => /^duress-sink-ca-\w{6}$/.test(n)), `the sink's CA folder was made: ${made.join(' ')}`);
  assert.deepEqual(made.filter((n) => existsSync(path.join(TMP, n))), [], 'none is left');
  const pid = String(run.child.pid);
  assert.deepEqual(readdirSync(NOTES).filter((n) => n.startsWith(`${pid}-folder-`)), [], 'none of its folders is still noted');
}

/** A note as a duress process writes one for a folder. */
function noteFolder(folder: string, duressPid: number, duressStart: string): void {
  mkdirSync(NOTES, { recursive: true });
  writeFileSync(path.join(NOTES, `${duressPid}-folder-t0-${path.basename(folder)}.json`), JSON.stringify({ kind: 'folder', duressPid, duressStart, folder }));
}

function makeFolder(name: string, hoursOld = 0): string {
  const folder = path.join(TMP, name);
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'mosquitto.conf'), 'listener 0\n');
  if (hoursOld > 0) {
    const then = new Date(Date.now() - hoursOld * 3_600_000);
    utimesSync(folder, then, then);
  }
  return folder;
}

/** What the run killed with SIGKILL left, for the next run's start to reap. */
let leftByKill: string[] = [];

test('a run killed with SIGKILL leaves its temporary folders, noted as its own (for the next start)', { timeout: 60_000 }, async () => {
  const run = startRun('killed', '5m');
  let exited = false;
  run.child.once('exit', () => (exited = true));
  await waitFor(() => exited || readdirSync(TMP).filter((n) => /^duress-c0s[01]g\d+-\w{6}$/.test(n) && existsSync(path.join(TMP, n, 'forwarder.json'))).length === 2, 30_000, 'both instances under way');
  assert.equal(exited, false, `duress ended before it was killed: ${run.stderr()}`);
  run.child.kill('SIGKILL');
  await once(run.child, 'exit');
  leftByKill = readdirSync(TMP).filter((n) => /^duress-(c0s\d+g\d+|sink-ca)-\w{6}$/.test(n));
  assert.equal(leftByKill.length, 3, `its two instances' folders and its sink's are left: ${leftByKill.join(' ')}`);
  const noted = readdirSync(NOTES).filter((n) => n.startsWith(`${run.child.pid}-folder-`));
  assert.equal(noted.length, 3, `each is noted as the killed duress's: ${noted.join(' ')}`);
});

test('a run that ends by itself leaves none of its temporary folders; at its start it reaped those of a duress that is gone, and only those', { timeout: 60_000 }, async () => {
  // Left by a duress killed with SIGKILL: noted by a process that is gone (pid_max is at most 2^22 on Linux).
  const dead = makeFolder('duress-server-dead01');
  noteFolder(dead, 2 ** 22 + 1, '1');
  // A note naming a folder duress does not make (outside TMPDIR): never acted on, whoever wrote it.
  const elsewhere = path.join(work, 'duress-server-else01');
  mkdirSync(elsewhere);
  noteFolder(elsewhere, 2 ** 22 + 1, '1');
  // Noted by a duress that still runs (this test's process, by its real start time): kept.
  const { processStart } = await import('../../src/core/owner-notes.js');
  const alive = makeFolder('duress-server-alive1');
  noteFolder(alive, process.pid, processStart(process.pid)!);
  // Left by a duress from before folders were noted: removed when over an hour old and in no process's use.
  const legacy = makeFolder('duress-server-legcy1', 2);
  const young = makeFolder('duress-server-young1');
  const inUse = makeFolder('duress-c0s1g1-inuse1', 2);
  const notOurs = makeFolder('duress-tests-other1', 2);
  const user = spawn('sleep', ['60'], { cwd: inUse, stdio: 'ignore' });
  await once(user, 'spawn');
  try {
    const run = startRun('ends', '2s');
    const [code] = (await once(run.child, 'exit')) as [number | null];
    assert.equal(code, 0, run.stderr());
    assertNoneLeft(run);
    assert.equal(existsSync(dead), false, 'the folder of a duress that is gone was reaped');
    assert.deepEqual(leftByKill.filter((n) => existsSync(path.join(TMP, n))), [], 'the folders of the duress killed with SIGKILL were reaped');
    assert.equal(existsSync(legacy), false, 'an unnoted duress folder over an hour old and unused was reaped');
    for (const kept of [alive, young, inUse, notOurs, elsewhere]) assert.ok(existsSync(kept), `${path.basename(kept)} is kept`);
  } finally {
    user.kill('SIGKILL');
  }
});

// SIGINT: the run stops and writes what it measured. SIGINT then SIGTERM: the second signal makes duress exit
// at once (src/cli/main.ts), with its instances and its sink still running. (Two SIGINTs sent at once would
// be one: the kernel does not queue a signal that is already pending; two different signals it delivers both.)
for (const signals of [['SIGINT'], ['SIGINT', 'SIGTERM']] as const) {
  test(`a run interrupted by ${signals.join(' then ')} leaves none of its temporary folders`, { timeout: 60_000 }, async () => {
    const run = startRun(signals.join('-'), '5m');
    let exited = false;
    run.child.once('exit', () => (exited = true));
    // Both programs run: their folders hold the config they read, and the run is under way.
    await waitFor(() => exited || readdirSync(TMP).filter((n) => /^duress-c0s[01]g\d+-\w{6}$/.test(n) && existsSync(path.join(TMP, n, 'forwarder.json'))).length === 2, 30_000, 'both instances under way');
    assert.equal(exited, false, `duress ended before it was interrupted: ${run.stderr()}`);
    for (const signal of signals) run.child.kill(signal);
    const [code] = (await once(run.child, 'exit')) as [number | null];
    assert.equal(code, signals.length === 1 ? 130 : 143, run.stderr());
    if (signals.length === 2) assert.match(run.stderr(), /second SIGTERM, exiting without waiting/);
    assertNoneLeft(run);
  });
}
