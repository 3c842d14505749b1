import { EventEmitter, once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { FromWorker, Heartbeat, InstanceWorkerData, ToWorker } from './instance-messages.js';

const WORKER_URL = new URL('./instance-worker.js', import.meta.url);
/** How long a worker may take to answer `stop` before it is terminated (wall ms). */
const STOP_GRACE_WALL_MS = 2000;

/** Why an isolated instance ended without being asked to. */
export type InstanceDeath =
  | { kind: 'error'; error: Error; outOfMemory: boolean }
  | { kind: 'exit'; code: number };

export interface IsolatedInstanceEvents {
  heartbeat: [Heartbeat];
  /** The worker died on its own: an uncaught error, its heap limit, or an exit. */
  died: [InstanceDeath];
}

/**
 * The main thread's handle on one instance running in its own worker thread. The worker's V8 heap is
 * capped (`heapLimitMb`), so an instance that grows without bound dies alone; an uncaught error in the
 * instance ends only its worker; a hung instance blocks only its own thread. `kill` ends it abruptly and
 * `freeze` stops its thread for a while (the `kill` and `pause` instance faults).
 */
export class IsolatedInstance extends EventEmitter<IsolatedInstanceEvents> {
  readonly id: string;
  readonly data: InstanceWorkerData;
  last: Heartbeat | undefined;
  #worker: Worker | undefined;
  #ending = false;
  #stopped: { generated: number; undrained: number[]; dropped: number[] } | undefined;

  constructor(data: InstanceWorkerData, private readonly heapLimitMb: number | undefined) {
    super();
    this.id = data.id;
    this.data = data;
  }

  /** Starts the worker; resolves when the instance runs, rejects if it dies first. */
  async start(): Promise<void> {
    const worker = new Worker(WORKER_URL, {
      workerData: this.data,
      ...(this.heapLimitMb ? { resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb, maxYoungGenerationSizeMb: Math.min(16, this.heapLimitMb) } } : {}),
      stdout: false,
      stderr: false,
    });
    this.#worker = worker;
    worker.on('message', (m: FromWorker) => {
      if (m.t === 'heartbeat') {
        this.last = m;
        this.emit('heartbeat', m);
      } else if (m.t === 'stopped') this.#stopped = m;
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.#ending) return;
      this.#ending = true;
      this.emit('died', { kind: 'error', error, outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY' });
    });
    worker.on('exit', (code) => {
      if (this.#ending) return;
      this.#ending = true;
      this.emit('died', { kind: 'exit', code });
    });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWorker): void => {
        if (m.t !== 'ready') return;
        worker.off('message', onMessage);
        this.off('died', onDied);
        resolve();
      };
      const onDied = (d: InstanceDeath): void => {
        worker.off('message', onMessage);
        reject(d.kind === 'error' ? d.error : new Error(`instance ${this.id} exited with code ${d.code} while starting`));
      };
      worker.on('message', onMessage);
      this.once('died', onDied);
    });
    await ready;
  }

  stopInput(): void {
    this.#post({ t: 'stopInput' });
  }

  freeze(wallMs: number): void {
    this.#post({ t: 'freeze', wallMs });
  }

  /**
   * Asks the instance to stop and report what it still holds; a worker that cannot answer in time (hung
   * in a busy loop, frozen) is terminated, and then what it held is unknown (undefined).
   */
  async stop(): Promise<{ generated: number; undrained: number[]; dropped: number[] } | undefined> {
    const worker = this.#worker;
    if (!worker || this.#ending) {
      await this.kill();
      return this.#stopped;
    }
    this.#post({ t: 'stop' });
    this.#ending = true;
    const exited = once(worker, 'exit').then(() => true);
    const timeout = new Promise<boolean>((r) => setTimeout(() => r(false), STOP_GRACE_WALL_MS).unref());
    if (!(await Promise.race([exited, timeout]))) await worker.terminate();
    return this.#stopped;
  }

  /** Ends the worker at once, as `kill -9` would end a process. */
  async kill(): Promise<void> {
    this.#ending = true;
    await this.#worker?.terminate();
  }

  #post(m: ToWorker): void {
    if (!this.#ending) this.#worker?.postMessage(m);
  }
}
