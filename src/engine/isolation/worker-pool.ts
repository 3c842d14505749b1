import { WorkerHost } from './worker-host.js';

/**
 * A cell's shared workers: slots are grouped `perWorker` at a time (slots 0–7, 8–15 … for 8), and each
 * group's instances, renewals included, run in the group's worker. A group never holds more than
 * `perWorker` instances at once, because a slot's next instance starts only once its last one ended. A
 * worker that ended (terminated, out of memory) is replaced by a fresh one for the group's next instance.
 */
export class WorkerPool {
  readonly perWorker: number;
  readonly #hosts: (WorkerHost | undefined)[] = [];
  readonly #make: () => WorkerHost;

  constructor(perWorker: number, options: { worker: URL; heapLimitMb: number | undefined; heartbeatWallMs: number }) {
    this.perWorker = perWorker;
    this.#make = () => new WorkerHost(options);
  }

  /** The worker that runs the slot's next instance. */
  hostFor(slot: number): WorkerHost {
    const group = Math.floor(slot / this.perWorker);
    let host = this.#hosts[group];
    if (!host || host.ended) {
      host = this.#make();
      this.#hosts[group] = host;
    }
    return host;
  }

  /** Ends every worker (after the cell stopped its instances: this only ends the threads). */
  async close(): Promise<void> {
    await Promise.all(this.#hosts.map((h) => h?.terminate()));
    this.#hosts.length = 0;
  }
}
