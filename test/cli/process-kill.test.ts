import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PROGRAMS_DIR, processStart, reapOrphans } from '../../src/systems/isolation/owned-programs.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
const FIXTURE = fileURLToPath(new URL('../fixtures/line-forwarder.js', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'duress-process-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Pids of the processes whose command line holds `marker`, read from /proc. */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'latin1').includes(marker)) found.push(Number(name));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/** Polls every 50 ms until `cond` holds, `ms` at most; returns whether it did. */
async function eventually(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

test('after kill -9 of duress in the middle of a process-target run, no instance program is left running', { timeout: 60_000 }, async () => {
  const marker = `duress-kill-test-${randomUUID()}`;
  const scenario = path.join(dir, 'kill.yaml');
  writeFileSync(
    scenario,
    `name: process-kill
duration: 5m
instances: 2
system:
  kind: process
  command: ${process.execPath}
  args: [${FIXTURE}, --config, '{{config}}', --marker, ${marker}]
  input: { via: tcp, rate: 50/s }
  # A killed duress removes no instance folder: they go with the test's folder.
  workDir: ${path.join(dir, 'instances')}
  config:
    template: '{ "input": { "via": "tcp", "host": "{{input.host}}", "port": {{input.port}} }, "sink": { "url": "{{sink.url}}", "group": "g", "stream": "{{sink.channel}}" } }'
`,
  );
  const duress = spawn(process.execPath, [bin, 'run', scenario, '--out', path.join(dir, 'run')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  duress.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  try {
    assert.ok(await eventually(() => processesWith(marker).length === 2 || duress.exitCode !== null, 30_000), 'both programs started');
    assert.equal(duress.exitCode, null, `duress ended before it was killed: ${stderr}`);
  } catch (err) {
    duress.kill('SIGKILL');
    throw err;
  }
  const programs = processesWith(marker);
  duress.kill('SIGKILL');
  await once(duress, 'exit');
  const gone = await eventually(() => processesWith(marker).length === 0, 10_000);
  // Whatever happened, nothing is left behind by this test.
  for (const pid of processesWith(marker)) process.kill(pid, 'SIGKILL');
  assert.ok(gone, `programs ${programs.join(', ')} outlived duress`);
});

test('a program noted by a duress process that is gone is reaped (SIGKILL to its group, or to it when it leads none, as a real broker\'s server); one of a running duress is left alone', { timeout: 30_000 }, async () => {
  // Without setpriv: nothing but the reaper would end them. A process target's program leads its own group
  // (detached); a real broker's server does not.
  const orphan = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
  const server = spawn('sleep', ['60'], { stdio: 'ignore' });
  const alive = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
  await Promise.all([once(orphan, 'spawn'), once(server, 'spawn'), once(alive, 'spawn')]);
  try {
    mkdirSync(PROGRAMS_DIR, { recursive: true });
    const note = (name: string, duressPid: number, duressStart: string, pid: number): string => {
      const file = path.join(PROGRAMS_DIR, name);
      writeFileSync(file, JSON.stringify({ duressPid, duressStart, pid, start: processStart(pid), command: 'sleep' }));
      return file;
    };
    // A duress pid with no process (pid_max is at most 2^22 on Linux) is a duress that is gone.
    note(`reaper-test-${orphan.pid}.json`, 2 ** 22 + 1, '1', orphan.pid!);
    note(`reaper-test-${server.pid}.json`, 2 ** 22 + 1, '1', server.pid!);
    const keep = note(`reaper-test-${alive.pid}.json`, process.pid, processStart(process.pid)!, alive.pid!);
    const exited = [once(orphan, 'exit'), once(server, 'exit')];
    const reaped = reapOrphans();
    assert.deepEqual(reaped.map((r) => r.pid).filter((pid) => pid === orphan.pid || pid === server.pid).sort(), [orphan.pid, server.pid].sort(), JSON.stringify(reaped));
    for (const [, signal] of (await Promise.all(exited)) as [number | null, string | null][]) assert.equal(signal, 'SIGKILL');
    assert.equal(alive.exitCode, null, 'the program of a running duress is left alone');
    assert.ok(readdirSync(PROGRAMS_DIR).includes(path.basename(keep)));
    rmSync(keep, { force: true });
  } finally {
    orphan.kill('SIGKILL');
    server.kill('SIGKILL');
    alive.kill('SIGKILL');
  }
});
