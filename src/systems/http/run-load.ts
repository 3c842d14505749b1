import { Worker } from 'node:worker_threads';
import type { LoadOptions, LoadProgress, LoadResult } from './load-options.js';
import { mergeLoadParts, type LoadPart } from './load-tally.js';
import { epochNow, type ThreadShare } from './load-thread.js';
import type { FromLoadWorker, ToLoadWorker } from './load-worker.js';

const WORKER_URL = new URL('./load-worker.js', import.meta.url);
/** Between the last worker being ready and the schedule's start: time for the start message to reach them all. */
const START_LEAD_MS = 50;

/**
 * Runs an HTTP load (see LoadOptions) on `options.workers` worker threads and merges what they measured.
 * Each thread gets an equal share of the connections (the first ones one more when they do not divide) and
 * every `workers`-th request of the arrival schedule, so the threads together send exactly the schedule.
 * The threads start together, at one instant on the time axis they share.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  checkOptions(options);
  const shares = threadShares(options);
  const workers = shares.map((share) => new Worker(WORKER_URL, { workerData: share }));
  const progress: LoadProgress[] = shares.map(() => ({ elapsedMs: 0, sent: 0, completed: 0, errors: 0, backlog: 0 }));
  const parts: LoadPart[] = [];
  let progressTimer: NodeJS.Timeout | undefined;
  const stopAll = (): void => workers.forEach((w) => w.postMessage({ type: 'stop' } satisfies ToLoadWorker));
  try {
    const ready = workers.map((w) => waitFor(w, 'ready'));
    await Promise.all(ready);
    const startEpochMs = epochNow() + START_LEAD_MS;
    const done = workers.map((w, i) => {
      w.on('message', (m: FromLoadWorker) => {
        if (m.type === 'progress') progress[i] = m.progress;
      });
      return waitFor(w, 'done').then((m) => parts.push((m as Extract<FromLoadWorker, { type: 'done' }>).part));
    });
    options.onStart?.();
    for (const w of workers) w.postMessage({ type: 'start', startEpochMs } satisfies ToLoadWorker);
    if (options.signal?.aborted) stopAll();
    options.signal?.addEventListener('abort', stopAll, { once: true });
    if (options.onProgress) {
      const report = options.onProgress;
      progressTimer = setInterval(() => report(sumProgress(progress)), 1000);
    }
    await Promise.all(done);
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
    if (progressTimer) clearInterval(progressTimer);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return mergeLoadParts(parts);
}

function checkOptions(o: LoadOptions): void {
  const whole = (name: string, v: number, min: number): void => {
    if (!Number.isSafeInteger(v) || v < min) throw new RangeError(`runLoad: ${name} must be a whole number >= ${min}, got ${v}`);
  };
  whole('workers', o.workers, 1);
  whole('connections', o.connections, o.workers);
  whole('pipelining', o.pipelining, 1);
  if (o.requests.length === 0) throw new RangeError('runLoad: requests must not be empty');
  if (!/^https?:\/\//.test(o.origin)) throw new RangeError(`runLoad: origin must be http://host:port or https://host:port, got ${o.origin}`);
  if (o.arrival) {
    const rates = [o.arrival.startRate, ...o.arrival.stages.map((s) => s.target)];
    if (o.arrival.stages.length === 0 || rates.some((r) => !(r >= 0 && Number.isFinite(r)))) {
      throw new RangeError('runLoad: arrival needs at least one stage and finite rates >= 0');
    }
    if (o.arrival.stages.some((s) => !(s.durationMs > 0))) throw new RangeError('runLoad: every arrival stage needs a duration > 0');
  } else if (!(o.durationMs > 0)) {
    throw new RangeError(`runLoad: durationMs must be > 0, got ${o.durationMs}`);
  }
}

export function threadShares(o: LoadOptions): ThreadShare[] {
  return Array.from({ length: o.workers }, (_, index) => ({
    origin: o.origin,
    requests: o.requests,
    connections: Math.floor(o.connections / o.workers) + (index < o.connections % o.workers ? 1 : 0),
    pipelining: o.pipelining,
    ...(o.arrival ? { arrival: o.arrival } : {}),
    durationMs: o.durationMs,
    index,
    count: o.workers,
    drainTimeoutMs: o.drainTimeoutMs ?? 5000,
    requestTimeoutMs: o.requestTimeoutMs ?? 30_000,
    ...(o.tls ? { tls: o.tls } : {}),
  }));
}

function sumProgress(parts: readonly LoadProgress[]): LoadProgress {
  return {
    elapsedMs: Math.max(...parts.map((p) => p.elapsedMs)),
    sent: parts.reduce((n, p) => n + p.sent, 0),
    completed: parts.reduce((n, p) => n + p.completed, 0),
    errors: parts.reduce((n, p) => n + p.errors, 0),
    backlog: parts.reduce((n, p) => n + p.backlog, 0),
  };
}

/** The worker's next message of this type; rejects when the worker fails or exits first. */
function waitFor(worker: Worker, type: FromLoadWorker['type']): Promise<FromLoadWorker> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromLoadWorker): void => {
      if (m.type !== type) return;
      cleanup();
      resolve(m);
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`load worker exited (code ${code}) before "${type}"`));
    };
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
