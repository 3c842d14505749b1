import { parentPort, workerData } from 'node:worker_threads';
import { ScaledClock } from '../../core/clock.js';
import { InstanceScope } from './instance-scope.js';
import type { BaseHeartbeat, BaseStopped, FromWorker, InstanceBody, SharedWorkerData, ToWorker, WorkerBaseData, WorkerContext } from './protocol-types.js';
import { hostInstances } from './shared-worker.js';
import { WorkerHealth } from './worker-health.js';

export type {
  BaseHeartbeat,
  BaseStopped,
  FromWorker,
  InstanceBody,
  Outgoing,
  SharedWorkerData,
  SinkAccess,
  SpawnMessage,
  ToWorker,
  WorkerBaseData,
  WorkerContext,
} from './protocol-types.js';

/**
 * The conversation between the engine (main thread, src/engine/isolation/isolated-instance.ts) and an
 * isolated instance's worker thread, whatever the system. A kind's worker module (its `worker` URL) calls
 * `serveInstance` once with a function that builds its instance; everything else here (heartbeats on a
 * timer, the `pause` fault's freeze, stopping, the routes conversation) is the same for every kind.
 * A worker either runs one instance (here) or hosts several (shared-worker.ts, when the engine started
 * it with SharedWorkerData): the kind's module is the same.
 *
 *   engine → worker: `begin`, `stopInput`, `stop`, `freeze` (the pause fault), `busy` (tests), `routes`
 *                    (answer to `listening`), `kill` (shared worker only)
 *   worker → engine: `ready`, `heartbeat` (every `heartbeatWallMs`), `stopped` (answer to `stop`),
 *                    `listening`, `died` (shared worker only)
 */

/**
 * Runs one isolated instance in this worker thread: builds it (`make`), starts it, heartbeats, and
 * answers the engine. Nothing here catches the instance's own failures: an uncaught error ends the
 * worker (the engine records a crash), the heap limit ends it (memory).
 */
export async function serveInstance<D extends WorkerBaseData, H extends BaseHeartbeat, S extends BaseStopped>(
  make: (data: D, context: WorkerContext) => InstanceBody<H, S>,
): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('an instance worker must run in a worker thread');
  if ((workerData as Partial<SharedWorkerData>).shared) return hostInstances(make, (workerData as SharedWorkerData).shared, port);
  const data = workerData as D;
  const post = (m: FromWorker | H | S, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  let answerRoutes: ((ports: number[]) => void) | undefined;
  let routes: Promise<number[]> | undefined;
  const context: WorkerContext = {
    scope: new InstanceScope(data.id, ScaledClock.fromSpec(data.clock)),
    routes: (listening) =>
      (routes ??= new Promise<number[]>((resolve) => {
        answerRoutes = resolve;
        post({ t: 'listening', port: listening });
      })),
  };
  const body = make(data, context);
  const freeze = new Int32Array(data.freeze);
  const health = new WorkerHealth(data.heartbeatWallMs, () => data.memoryLimit);
  const heartbeat = (): void => {
    const { message, transfer } = body.heartbeat();
    post({ ...message, ...health.sample() } as H, transfer);
  };
  port.on('message', (m: ToWorker) => {
    switch (m.t) {
      case 'routes':
        answerRoutes?.(m.ports);
        break;
      case 'begin':
        body.begin?.();
        break;
      case 'stopInput':
        body.stopInput();
        break;
      case 'freeze': {
        // A real freeze of this thread: no timer fires, no socket is read, until the time is up.
        const frozenAt = performance.now();
        body.freeze?.();
        Atomics.wait(freeze, 0, 0, m.wallMs);
        body.thaw?.();
        health.frozeFor(performance.now() - frozenAt);
        break;
      }
      case 'busy': {
        const until = performance.now() + m.wallMs;
        while (performance.now() < until);
        break;
      }
      case 'stop': {
        clearInterval(timer);
        health.stop();
        void body.stop().finally(() => {
          const { message, transfer } = body.final();
          post(message, transfer);
          port.close();
        });
        break;
      }
    }
  });
  const timer = setInterval(heartbeat, data.heartbeatWallMs);
  await body.start();
  post({ t: 'ready' });
}
