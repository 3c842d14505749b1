import { parentPort, workerData } from 'node:worker_threads';
import { warmUpHistograms } from '../../metrics/histogram.js';
import { LoadThread } from './load-thread.js';
import { warmUpHttpClient } from './warm-up.js';
const port = parentPort;
if (port === null)
    throw new Error('load-worker.ts runs as a worker thread');
const stop = new AbortController();
warmUpHistograms();
await warmUpHttpClient();
const thread = new LoadThread(workerData);
await thread.connect();
port.on('message', (message) => {
    if (message.type === 'stop') {
        stop.abort();
        return;
    }
    void thread
        .run(message.startEpochMs, stop.signal, (progress) => port.postMessage({ type: 'progress', progress }))
        .then((part) => {
        port.postMessage({ type: 'done', part });
        port.close();
    });
});
port.postMessage({ type: 'ready' });
//# sourceMappingURL=load-worker.js.map