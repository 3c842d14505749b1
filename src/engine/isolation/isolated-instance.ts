import { EventEmitter } from 'node:events';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { WorkerHost } from './worker-host.js';
import { workerExecArgv } from './worker-exec-argv.js';
import { createLookup } from '../../faults/dns-lookup.js';
import { serveLookups } from '../../systems/isolation/lookup-relay.js';
import type { BaseHeartbeat, BaseStopped, FromWorker, SinkAccess, ToWorker, WorkerBaseData } from '../../systems/isolation/worker-protocol.js';
import { ScaledClock } from '../../core/clock.js';
import { removeFoldersWhenEnded } from '../../core/temp-folders.js';

/** How long a worker may take to answer `stop` before it is terminated (wall ms). */
const STOP_GRACE_WALL_MS = 2000;

/** How long an instance's port closing unasked waits for its shared worker's exit, which says why (wall ms). */
const CLOSE_TO_EXIT_WALL_MS = 200;

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
  /**
   * A shared worker to run in (worker-host.ts) instead of a worker of its own: `heapLimitMb` is then the
   * host's, `kill` ends the instance inside the worker, and `freeze` holds the instance, not the thread.
   */
  host?: WorkerHost;
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
  /** What the instance is talked to through: its own worker, or its port in a shared worker. */
  #endpoint: Worker | MessagePort | undefined;
  #ending = false;
  /** Set once the instance's conversation is over: its worker exited, or its port closed. */
  #gone: Promise<void> | undefined;
  #stopped: S | undefined;
  #lookups: { close(): void } | undefined;

  constructor(data: InstanceData, options: IsolationOptions) {
    super();
    this.id = data.id;
    this.data = data;
    this.#options = options;
  }

  /** Starts the worker (or joins its host); resolves when the instance runs, rejects if it dies first. */
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
    const endpoint = this.#options.host ? this.#join(this.#options.host, workerData, transferList) : this.#spawn(workerData, transferList);
    endpoint.on('message', (m: FromWorker) => {
      if (m.t === 'heartbeat') {
        this.last = m as H;
        this.emit('heartbeat', m as H);
      } else if (m.t === 'stopped') this.#stopped = m as S;
      else if (m.t === 'listening') this.emit('listening', m.port);
      else if (m.t === 'died') {
        const error = Object.assign(new Error(m.error.message), { stack: m.error.stack, ...(m.error.code !== null ? { code: m.error.code } : {}) });
        this.#die({ kind: 'error', error, outOfMemory: false });
      }
    });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWorker): void => {
        if (m.t !== 'ready') return;
        endpoint.off('message', onMessage);
        this.off('died', onDied);
        resolve();
      };
      const onDied = (d: InstanceDeath): void => {
        endpoint.off('message', onMessage);
        reject(d.kind === 'error' ? d.error : new Error(`instance ${this.id} exited with code ${d.code} while starting`));
      };
      endpoint.on('message', onMessage);
      this.once('died', onDied);
    });
    await ready;
  }

  #die(death: InstanceDeath): void {
    if (this.#ending) return;
    this.#ending = true;
    this.emit('died', death);
  }

  /** A worker of its own. */
  #spawn(workerData: InstanceData, transferList: MessagePort[]): Worker {
    const heapLimitMb = this.#options.heapLimitMb;
    const worker = new Worker(this.#options.worker, {
      workerData,
      transferList,
      execArgv: workerExecArgv(process.execArgv),
      ...(heapLimitMb ? { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: Math.min(16, heapLimitMb) } } : {}),
      stdout: false,
      stderr: false,
    });
    this.#endpoint = worker;
    worker.on('error', (error: Error & { code?: string }) => this.#die({ kind: 'error', error, outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY' }));
    // Not events.once: it would reject on the worker's 'error', and nobody may be waiting.
    this.#gone = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // The temporary folders it made and could not remove (terminated on a failure, or stuck) go with it.
    removeFoldersWhenEnded(worker);
    worker.on('exit', (code) => {
      this.#lookups?.close();
      this.#die({ kind: 'exit', code });
    });
    return worker;
  }

  /** A place in a shared worker: its end is the port's close, or the host's end. */
  #join(host: WorkerHost, workerData: InstanceData, transferList: MessagePort[]): MessagePort {
    const port = host.host(workerData, transferList);
    this.#endpoint = port;
    const onHostEnded = (end: NonNullable<WorkerHost['ended']>): void => this.#die(end);
    host.on('ended', onHostEnded);
    this.#gone = new Promise<void>((resolve) => port.once('close', () => resolve()));
    port.on('close', () => {
      this.#lookups?.close();
      if (this.#ending) return host.off('ended', onHostEnded);
      // Its worker is being terminated: `ended` will say so, however long the exit takes on a loaded
      // machine (a fixed wait had called such an instance dead of exit 0).
      if (host.terminating) return;
      // Closed without being asked: its worker is ending (the port closes before the worker's exit is
      // seen, which then says how it ended), or the instance ended itself.
      setTimeout(() => {
        host.off('ended', onHostEnded);
        this.#die(host.ended ?? { kind: 'exit', code: 0 });
      }, CLOSE_TO_EXIT_WALL_MS);
    });
    if (host.ended) queueMicrotask(() => this.#die(host.ended!));
    return port;
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
   * Asks the instance to stop and report what it still holds; one that cannot answer in time (hung in a
   * busy loop, frozen) is killed, and then what it held is unknown (undefined).
   */
  async stop(): Promise<S | undefined> {
    if (!this.#endpoint || this.#ending) {
      await this.kill();
      return this.#stopped;
    }
    this.#post({ t: 'stop' });
    this.#ending = true;
    if (!(await this.#within(this.#options.stopGraceWallMs ?? STOP_GRACE_WALL_MS))) await this.#forceEnd();
    return this.#stopped;
  }

  /**
   * Ends the instance at once, as `kill -9` would end a process: its own worker is terminated; in a
   * shared worker, the instance is ended there (its timers, sockets and lookups), and should the worker
   * not answer (an instance stuck in a loop holds the thread), the worker is terminated with all it holds.
   */
  async kill(): Promise<void> {
    const host = this.#options.host;
    if (!host || !this.#endpoint) {
      this.#ending = true;
      await (this.#endpoint as Worker | undefined)?.terminate();
      return;
    }
    const wasEnding = this.#ending;
    this.#ending = true;
    if (!host.ended) (this.#endpoint as MessagePort).postMessage({ t: 'kill' });
    if (wasEnding && !this.#gone) return;
    if (!(await this.#within(STOP_GRACE_WALL_MS))) await this.#forceEnd();
  }

  /** True once the instance's conversation ended within `wallMs`. */
  async #within(wallMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), wallMs)));
    const ended = await Promise.race([this.#gone!.then(() => true), timeout]);
    clearTimeout(timer);
    return ended;
  }

  /** The instance did not answer: its worker (its own, or its host with every sibling) is terminated. */
  async #forceEnd(): Promise<void> {
    const host = this.#options.host;
    if (!host) return void (await (this.#endpoint as Worker).terminate());
    (this.#endpoint as MessagePort).postMessage({ t: 'kill' });
    if (!(await this.#within(STOP_GRACE_WALL_MS))) await host.terminate();
  }

  #post(m: ToWorker): void {
    if (!this.#ending) this.#endpoint?.postMessage(m);
  }
}
