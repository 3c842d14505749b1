import { EventEmitter } from 'node:events';
import { MessageChannel, Worker, type MessagePort, type Transferable } from 'node:worker_threads';
import type { SharedWorkerData, SpawnMessage, WorkerBaseData } from '../../systems/isolation/worker-protocol.js';
import { removeFoldersWhenEnded } from '../../core/temp-folders.js';
import { workerExecArgv } from './worker-exec-argv.js';

/** How the worker of a host ended: its error (heap limit included) or its exit. */
export type HostEnd = { kind: 'error'; error: Error; outOfMemory: boolean } | { kind: 'exit'; code: number };

/**
 * The main thread's handle on one worker thread that hosts several instances of a kind
 * (src/systems/isolation/shared-worker.ts). Each instance it hosts is an IsolatedInstance talking on a
 * port of its own; the host only starts the worker, hands it instances and says when it ended (which
 * ends every instance it held).
 */
export class WorkerHost extends EventEmitter<{ ended: [HostEnd] }> {
  readonly #worker: Worker;
  #ended: HostEnd | undefined;
  #terminating = false;

  constructor(options: { worker: URL; heapLimitMb: number | undefined; heartbeatWallMs: number }) {
    super();
    const data: SharedWorkerData = { shared: { heartbeatWallMs: options.heartbeatWallMs } };
    const heapLimitMb = options.heapLimitMb;
    this.#worker = new Worker(options.worker, {
      workerData: data,
      execArgv: workerExecArgv(process.execArgv),
      ...(heapLimitMb ? { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: Math.min(16, heapLimitMb) } } : {}),
      stdout: false,
      stderr: false,
    });
    // Every hosted instance listens for `ended`; a large host must not warn about it.
    this.setMaxListeners(0);
    this.#worker.on('error', (error: Error & { code?: string }) => this.#end({ kind: 'error', error, outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY' }));
    // The temporary folders its instances made and could not remove go with it.
    removeFoldersWhenEnded(this.#worker);
    this.#worker.on('exit', (code) => this.#end({ kind: 'exit', code }));
  }

  /** Set once the worker ended: every instance it hosted ended with it. */
  get ended(): HostEnd | undefined {
    return this.#ended;
  }

  /** Hands the worker one instance; returns the engine's end of the instance's port. */
  host(data: WorkerBaseData, transfer: Transferable[]): MessagePort {
    const { port1, port2 } = new MessageChannel();
    const message: SpawnMessage = { t: 'spawn', data, port: port2 };
    this.#worker.postMessage(message, [port2, ...transfer]);
    return port1;
  }

  /** Set from the moment terminate() is called: the worker's exit, and `ended`, are on their way. */
  get terminating(): boolean {
    return this.#terminating;
  }

  /** Ends the worker and every instance in it (an instance stuck in a loop holds the whole thread). */
  async terminate(): Promise<void> {
    this.#terminating = true;
    await this.#worker.terminate();
  }

  #end(end: HostEnd): void {
    if (this.#ended) return;
    this.#ended = end;
    this.emit('ended', end);
  }
}
