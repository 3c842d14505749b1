import { parentPort, workerData } from 'node:worker_threads';
import { warmUpHistograms } from '../../metrics/histogram.js';
import { LoadThread, type ThreadShare } from './load-thread.js';
import type { LoadPart } from './load-tally.js';
import { warmUpHttpClient, warmUpRequests } from './warm-up.js';

/**
 * A worker thread of the HTTP load generator (started by run-load.ts). Protocol on its port:
 * it posts `{ type: 'ready' }`; it receives `{ type: 'start', startEpochMs }` and runs its share from then,
 * posting `{ type: 'progress', progress }` every second and `{ type: 'done', part }` at the end;
 * `{ type: 'stop' }` ends the run early (the part then covers what ran).
 */
export type ToLoadWorker = { type: 'start'; startEpochMs: number } | { type: 'stop' };
export type FromLoadWorker = { type: 'ready' } | { type: 'progress'; progress: ReturnType<LoadThread['progress']> } | { type: 'done'; part: LoadPart };

const port = parentPort;
if (port === null) throw new Error('load-worker.ts runs as a worker thread');
const stop = new AbortController();
warmUpHistograms();
const share = workerData as ThreadShare;
await warmUpHttpClient({ requests: warmUpRequests(share.arrival, share.count), maxMs: 1500 });
const thread = new LoadThread(share);
await thread.connect();
port.on('message', (message: ToLoadWorker) => {
  if (message.type === 'stop') {
    stop.abort();
    return;
  }
  void thread
    .run(message.startEpochMs, stop.signal, (progress) => port.postMessage({ type: 'progress', progress } satisfies FromLoadWorker))
    .then((part) => {
      port.postMessage({ type: 'done', part } satisfies FromLoadWorker);
      port.close();
    });
});
port.postMessage({ type: 'ready' } satisfies FromLoadWorker);
