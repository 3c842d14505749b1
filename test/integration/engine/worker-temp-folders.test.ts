import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { readNotes } from '../../../src/core/owner-notes.js';
import { WorkerHost } from '../../../src/engine/isolation/worker-host.js';
import { waitFor } from '../../helpers/wait.js';

const HOLDER = new URL('../../fixtures/folder-holder.js', import.meta.url);

/** The folders this process's worker threads noted (src/core/temp-folders.ts names each note by process and thread). */
function workerFolders(): string[] {
  return readNotes()
    .filter(({ name, record }) => name.startsWith(`${process.pid}-folder-t`) && !name.startsWith(`${process.pid}-folder-t0-`) && typeof record.folder === 'string')
    .map(({ record }) => record.folder as string);
}

test('the temporary folder of a worker the engine terminates (a stuck or failed instance, which could not remove it) is removed with it', { timeout: 30_000 }, async () => {
  const host = new WorkerHost({ worker: HOLDER, heapLimitMb: undefined, heartbeatWallMs: 1000 });
  await waitFor(() => workerFolders().length === 1, 20_000, 'the worker to make its folder');
  const [folder] = workerFolders();
  assert.ok(existsSync(folder!), `${folder} was made`);
  const ended = once(host, 'ended');
  await host.terminate();
  await ended;
  assert.equal(existsSync(folder!), false, `${folder} is removed once its worker ended`);
  assert.deepEqual(workerFolders(), [], 'and its note');
});
