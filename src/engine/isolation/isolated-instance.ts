import { EventEmitter, once } from 'node:events';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { createLookup } from '../../faults/dns-lookup.js';
import { serveLookups } from '../../systems/isolation/lookup-relay.js';
import type { BaseHeartbeat, BaseStopped, FromWorker, SinkAccess, ToWorker, WorkerBaseData } from '../../systems/isolation/worker-protocol.js';
import { ScaledClock } from '../../core/clock.js';

/** How long a worker may take to answer `stop` before it is terminated (wall ms). */
const STOP_GRACE_WALL_MS = 2000;

/** Why an isolated instance ended without being asked to. */
export type InstanceDeath =
  | { kind: 'error'; error: Error; outOfMemory: boolean }
  | { kind: 'exit'; code: number };

export interface IsolatedInstanceEvents<H> {
  heartbeat: [H];
  /** The worker died on its own: an uncaught error, its heap limit, or an exit. */
  died: [InstanceDeath];
  /** The instance listens on this port (it waits for `routes` before connecting its clients through them). */
  listening: [number];
}

/** How to run one instance: its kind's worker module and limits. */
export interface IsolationOptions {
  /** The kind's worker module (SystemKind.isolation.worker). */
  worker: URL;
  /** The worker's V8 heap cap (MB); undefined: Node's default. */
  heapLimitMb: number | undefined;
  /** With `data.dns`: the deadline of one lookup (scenario ms), null for none. */
  lookupTimeout?: number | null;
  /** How long the worker may take to answer `stop` before it is terminated (wall ms); default STOP_GRACE_WALL_MS. */
  stopGraceWallMs?: number;
}

/** The start data of a worker: the engine's fields, the sink's access for a kind that writes to one, the kind's own. */
export type InstanceData = WorkerBaseData & Partial<SinkAccess> & object;

/**
 * The main thread's handle on one instance running in its own worker thread (its kind's worker module,
 * which speaks worker-protocol.ts). The worker's V8 heap is capped
 * (`heapLimitMb`), so an instance that grows without bound dies alone; an uncaught error in the instance
 * ends only its worker; a hung instance blocks only its own thread. `kill` ends it abruptly and `freeze`
 * stops its thread for a while (the `kill` and `pause` instance faults). An instance's DNS lookups are
 * resolved here on the main thread (lookup-relay.ts), because terminating a worker that has a DNS
 * answer on its way aborts the whole process.
 */
export class IsolatedInstance<H extends BaseHeartbeat = BaseHeartbeat, S extends BaseStopped = BaseStopped> extends EventEmitter<IsolatedInstanceEvents<H>> {
  readonly id: string;
  readonly data: InstanceData;
  last: H | undefined;
  readonly #options: IsolationOptions;
  #worker: Worker | undefined;
  #ending = false;
  #stopped: S | undefined;
  #lookups: { close(): void } | undefined;

  constructor(data: InstanceData, options: IsolationOptions) {
    super();
    this.id = data.id;
    this.data = data;
    this.#options = options;
  }

  /** Starts the worker; resolves when the instance runs, rejects if it dies first. */
  async start(): Promise<void> {
    let workerData: InstanceData = this.data;
    const transferList: MessagePort[] = [];
    if (this.data.dns) {
      // The worker's DNS lookups are resolved here, on the main thread (lookup-relay.ts says why).
      const { port1, port2 } = new MessageChannel();
      const lookup = createLookup({ server: this.data.dns, timeout: this.#options.lookupTimeout ?? null, clock: ScaledClock.fromSpec(this.data.clock) });
      this.#lookups = serveLookups(port1, lookup);
      workerData = { ...this.data, lookupPort: port2 };
      transferList.push(port2);
    }
    const heapLimitMb = this.#options.heapLimitMb;
    const worker = new Worker(this.#options.worker, {
      workerData,
      transferList,
      execArgv: workerExecArgv(process.execArgv),
      ...(heapLimitMb ? { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: Math.min(16, heapLimitMb) } } : {}),
      stdout: false,
      stderr: false,
    });
    this.#worker = worker;
    worker.on('message', (m: FromWorker) => {
      if (m.t === 'heartbeat') {
        this.last = m as H;
        this.emit('heartbeat', m as H);
      } else if (m.t === 'stopped') this.#stopped = m as S;
      else if (m.t === 'listening') this.emit('listening', m.port);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.#ending) return;
      this.#ending = true;
      this.emit('died', { kind: 'error', error, outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY' });
    });
    worker.on('exit', (code) => {
      this.#lookups?.close();
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

  /** The cell's time has begun for this instance (InstanceBody.begin). */
  begin(): void {
    this.#post({ t: 'begin' });
  }

  freeze(wallMs: number): void {
    this.#post({ t: 'freeze', wallMs });
  }

  /** Tests only: keeps the worker's thread busy in a synchronous loop for `wallMs` (real lag of its event loop). */
  busy(wallMs: number): void {
    this.#post({ t: 'busy', wallMs });
  }

  /** Tells the worker the ports of its links' proxy routes, in link order (answers `listening`). */
  routes(ports: number[]): void {
    this.#post({ t: 'routes', ports });
  }

  /**
   * Asks the instance to stop and report what it still holds; a worker that cannot answer in time (hung
   * in a busy loop, frozen) is terminated, and then what it held is unknown (undefined).
   */
  async stop(): Promise<S | undefined> {
    const worker = this.#worker;
    if (!worker || this.#ending) {
      await this.kill();
      return this.#stopped;
    }
    this.#post({ t: 'stop' });
    this.#ending = true;
    const exited = once(worker, 'exit').then(() => true);
    const timeout = new Promise<boolean>((r) => setTimeout(() => r(false), this.#options.stopGraceWallMs ?? STOP_GRACE_WALL_MS).unref());
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

/**
 * The parent's Node options for a worker, less `--input-type`: it is only allowed with inline code (`node
 * --input-type=module -e "..."`, duress used from a one-line script), and a worker that inherits it cannot boot.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] ?? '';
    if (arg === '--input-type') i += 1; // and its value, given apart
    else if (!arg.startsWith('--input-type=')) kept.push(arg);
  }
  return kept;
}
