import type { MessagePort } from 'node:worker_threads';
import { ScaledClock } from '../../core/clock.js';
import { InstanceScope } from './instance-scope.js';
import type { BaseHeartbeat, BaseStopped, FromWorker, InstanceBody, SpawnMessage, ToWorker, WorkerBaseData, WorkerContext } from './protocol-types.js';
import { WorkerHealth, type WorkerHealthSample } from './worker-health.js';

/**
 * One worker thread hosting several instances of a kind (Isolation.instancesPerWorker), each speaking the
 * same conversation as an instance in a worker of its own (worker-protocol.ts), on a port of its own.
 * A worker costs tens of ms of CPU to boot and megabytes of memory (an isolate, Node's bootstrap, the
 * kind's modules); instances that share one cost a little heap each, and a `kill` costs no boot at all.
 *
 * What stays faithful: `kill` ends one instance at once and `pause` holds one instance (instance-scope.ts
 * says how, and what a scope cannot hold); an uncaught error (or unhandled rejection) is charged to the
 * instance whose code raised it (its scope, by AsyncLocalStorage), which dies alone as a crash.
 *
 * What is lost against a worker per instance:
 * - one heap: memory is measured per worker, and each instance's heartbeat carries its share of it (the
 *   worker's figure divided by the instances it hosts); the heap cap is the worker's, so a runaway
 *   instance ends its siblings too (each then fails, `memory`);
 * - one event loop: a busy instance delays its siblings. That delay is the worker's event-loop delay,
 *   which every sibling's heartbeat reports (worker-health.ts) and the engine counts as harness lag
 *   (src/engine/harness-lag.ts), so figures it could have distorted are flagged, as any lag is;
 * - an error raised outside any instance's code, or an instance stuck in a synchronous loop, ends the
 *   whole worker (the engine terminates it when a kill is not answered): every instance in it fails.
 */
export function hostInstances<D extends WorkerBaseData, H extends BaseHeartbeat, S extends BaseStopped>(
  make: (data: D, context: WorkerContext) => InstanceBody<H, S>,
  shared: { heartbeatWallMs: number },
  hostPort: MessagePort,
): void {
  const sessions = new Map<string, Session<H, S>>();
  // Each instance's share of the worker's memory is judged against its limit: the worker reclaims when the
  // share is over the smallest of them.
  const health = new WorkerHealth(shared.heartbeatWallMs, () => {
    let smallest = Number.POSITIVE_INFINITY;
    for (const s of sessions.values()) if (s.memoryLimit > 0) smallest = Math.min(smallest, s.memoryLimit);
    return Number.isFinite(smallest) ? smallest * sessions.size : 0;
  });

  const charge = (err: unknown): void => {
    const session = sessionOf(InstanceScope.current(), sessions);
    if (session) {
      session.died(err);
      return;
    }
    // Not any instance's code: the worker cannot tell whom it hurt, so it ends, and every instance with it.
    process.off('uncaughtException', charge);
    process.off('unhandledRejection', charge);
    throw err;
  };
  process.on('uncaughtException', charge);
  process.on('unhandledRejection', charge);

  // One sample per tick for all: the sampler resets the loop-delay histogram each time it is read.
  const timer = setInterval(() => {
    const sample = health.sample();
    const share = { ...sample, memoryUsed: sample.memoryUsed / Math.max(1, sessions.size), liveMemory: sample.liveMemory / Math.max(1, sessions.size) };
    for (const s of sessions.values()) s.heartbeat(share);
  }, shared.heartbeatWallMs);

  hostPort.on('message', (m: SpawnMessage) => {
    if (m.t !== 'spawn') return;
    const data = m.data as D;
    const scope = new InstanceScope(data.id, ScaledClock.fromSpec(data.clock));
    const session = new Session<H, S>(scope, m.port, data.memoryLimit, () => sessions.delete(data.id));
    sessions.set(data.id, session);
    scope.run(() => session.begin((context) => make(data, context)));
  });
  hostPort.on('close', () => clearInterval(timer));
}

function sessionOf<T>(scope: InstanceScope | undefined, sessions: Map<string, T>): T | undefined {
  return scope ? sessions.get(scope.id) : undefined;
}

/** One hosted instance: its body, its scope and its port to the engine. */
class Session<H extends BaseHeartbeat, S extends BaseStopped> {
  readonly #scope: InstanceScope;
  readonly #port: MessagePort;
  readonly #forget: () => void;
  /** The instance's memory limit, bytes, 0 none (WorkerBaseData.memoryLimit). */
  readonly memoryLimit: number;
  #body: InstanceBody<H, S> | undefined;
  #answerRoutes: ((ports: number[]) => void) | undefined;
  #routes: Promise<number[]> | undefined;
  #stopping = false;
  #ended = false;

  constructor(scope: InstanceScope, port: MessagePort, memoryLimit: number, forget: () => void) {
    this.#scope = scope;
    this.#port = port;
    this.memoryLimit = memoryLimit;
    this.#forget = forget;
  }

  #post(m: FromWorker | H | S, transfer: ArrayBuffer[] = []): void {
    if (!this.#ended) this.#port.postMessage(m, transfer);
  }

  /** Builds and starts the instance (in its scope); `ready` once it runs. */
  begin(build: (context: WorkerContext) => InstanceBody<H, S>): void {
    const context: WorkerContext = {
      scope: this.#scope,
      routes: (listening) =>
        (this.#routes ??= new Promise<number[]>((resolve) => {
          this.#answerRoutes = resolve;
          this.#post({ t: 'listening', port: listening });
        })),
    };
    this.#port.on('message', (m: ToWorker) => this.#receive(m));
    try {
      this.#body = build(context);
    } catch (err) {
      this.died(err);
      return;
    }
    this.#body.start().then(
      () => this.#post({ t: 'ready' }),
      (err: unknown) => this.died(err),
    );
  }

  /** Sends the instance's heartbeat with the worker's health (its share of the memory); none while frozen. */
  heartbeat(health: WorkerHealthSample): void {
    const body = this.#body;
    if (!body || this.#stopping || this.#ended || this.#scope.frozen) return;
    const { message, transfer } = body.heartbeat();
    this.#post({ ...message, ...health } as H, transfer);
  }

  /** An uncaught error of this instance's code: it ends alone, as a crash. */
  died(err: unknown): void {
    if (this.#ended) return;
    const e = err instanceof Error ? err : new Error(String(err));
    this.#post({ t: 'died', error: { message: e.message, stack: e.stack ?? '', code: (e as { code?: string }).code ?? null } });
    this.#end();
  }

  #end(): void {
    if (this.#ended) return;
    this.#scope.kill();
    this.#ended = true;
    this.#forget();
    this.#port.close();
  }

  #receive(m: ToWorker): void {
    const body = this.#body;
    if (!body || this.#ended) return;
    switch (m.t) {
      case 'routes':
        this.#answerRoutes?.(m.ports);
        break;
      case 'begin':
        this.#scope.gate(() => this.#scope.run(() => body.begin?.()))();
        break;
      case 'stopInput':
        // A frozen instance reads no message either: it acts on it at the thaw.
        this.#scope.gate(() => this.#scope.run(() => body.stopInput()))();
        break;
      case 'freeze':
        this.#scope.freeze(m.wallMs);
        break;
      case 'busy': {
        // The whole thread is held, as a busy instance holds its siblings.
        const until = performance.now() + m.wallMs;
        while (performance.now() < until);
        break;
      }
      case 'kill':
        this.#end();
        break;
      case 'stop':
        this.#scope.gate(() => {
          this.#stopping = true;
          void this.#scope.run(() => body.stop()).finally(() => {
            const { message, transfer } = body.final();
            this.#post(message, transfer);
            this.#end();
          });
        })();
        break;
    }
  }
}
