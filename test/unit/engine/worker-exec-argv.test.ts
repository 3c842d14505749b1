import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { workerExecArgv } from '../../../src/engine/isolation/worker-exec-argv.js';

test('a worker gets the parent options it accepts: per-process ones and --input-type are left out, and it boots', { timeout: 30_000 }, async () => {
  const parent = ['--max-old-space-size=4096', '--enable-source-maps', '--stack-trace-limit=50', '--input-type', 'module', '--expose-gc', '--no-warnings', '--report-dir=/tmp', '--input-type=module'];
  const argv = workerExecArgv(parent);
  // Node's own rule: V8 and per-process options are refused in a worker (ERR_WORKER_INVALID_EXEC_ARGV).
  assert.deepEqual(argv, ['--enable-source-maps', '--no-warnings']);
  const w = new Worker('require("node:worker_threads").parentPort.postMessage("up")', { eval: true, execArgv: argv });
  const [message] = (await once(w, 'message')) as [string];
  assert.equal(message, 'up');
  await w.terminate();
  // The refused ones are refused indeed: the parent's list as it was would not boot.
  assert.throws(() => new Worker('', { eval: true, execArgv: ['--stack-trace-limit=50'] }), { code: 'ERR_WORKER_INVALID_EXEC_ARGV' });
});
