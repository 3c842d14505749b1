import type { MessagePort } from 'node:worker_threads';
import type { ClockSpec } from '../../core/clock.js';
import type { InstanceScope } from './instance-scope.js';
import type { WorkerHealthSample } from './worker-health.js';

/**
 * The types of the conversation between the engine and an instance worker (worker-protocol.ts has the
 * conversation itself; shared-worker.ts the same conversation for several instances in one thread).
 */

/** What the engine gives every worker, beside the kind's own fields (`InstanceData` adds them). */
export interface WorkerBaseData {
  /** Unique within the run (renewals included): `c<cell>s<slot>g<generation>`. */
  id: string;
  /** The cell's clock, rebuilt in the worker (ScaledClock.fromSpec). */
  clock: ClockSpec;
  /** The instance's own seed: every random choice it makes derives from it. */
  seed: number;
  /** Wall ms between heartbeats. */
  heartbeatWallMs: number;
  /**
   * The limit (bytes, 0 none) the instance's watch judges its live memory against (../watch.ts;
   * CellSystem.workerMemoryLimit): over it, the worker forces a full collection to learn what it retains
   * (worker-health.ts).
   */
  memoryLimit: number;
  /** One Int32 the worker waits on to freeze (the `pause` instance fault). */
  freeze: SharedArrayBuffer;
}

/**
 * How an instance reaches the cell's sink, given by the engine to a kind whose links lead to a sink
 * (`LinkPlan.upstream: 'sink'`): through its slot's proxy route, by its slot's DNS name when the kind
 * asks for DNS.
 */
export interface SinkAccess {
  /** Where the sink is reached, e.g. http://i3.sink.duress.test:41234 through the slot's proxy route. */
  origin: string;
  /** With a TLS sink (`https:` origin): its CA certificate (PEM). */
  ca?: string;
  /** With a TLS sink: a file holding `ca` (SinkEndpoint.caFile), for a program that reads its CA from a file. */
  caFile?: string;
  /** The cell's DNS fault server; absent when the kind resolves no names. */
  dns: { host: string; port: number } | undefined;
  /**
   * Set by the engine when `dns` is: the port on which the worker posts its lookups for the main thread
   * to resolve (lookup-relay.ts explains why a worker does no DNS itself; `relayedLookup` reads it).
   */
  lookupPort?: MessagePort;
  /** The sink's name for this instance's traffic (a CloudWatch log stream), the same for every generation of the slot. */
  channel: string;
}

/** A heartbeat's fields every kind sends; a kind's heartbeat type extends it. */
export interface BaseHeartbeat extends WorkerHealthSample {
  t: 'heartbeat';
  /** Input stopped and nothing left to deliver: the drain is over for this instance. */
  drained: boolean;
}

/** The answer to `stop`; a kind's type extends it with what the instance still held. */
export interface BaseStopped {
  t: 'stopped';
}

/** `kill` is sent only to an instance in a shared worker (a worker of its own is terminated instead). */
export type ToWorker = { t: 'begin' } | { t: 'stopInput' } | { t: 'stop' } | { t: 'kill' } | { t: 'freeze'; wallMs: number } | { t: 'busy'; wallMs: number } | { t: 'routes'; ports: number[] };
/** `died` comes only from an instance in a shared worker: an uncaught error of its own code, which ended it alone. */
export type FromWorker = { t: 'ready' } | { t: 'listening'; port: number } | { t: 'died'; error: { message: string; stack: string; code: string | null } } | BaseHeartbeat | BaseStopped;

/**
 * The start data of a worker that hosts several instances (shared-worker.ts): instead of one instance's
 * data, it gets `spawn` messages, each with an instance's data and the port of its conversation.
 */
export interface SharedWorkerData {
  shared: { heartbeatWallMs: number };
}

/** The one message a shared worker gets on its own port: host this instance; talk to it on `port`. */
export interface SpawnMessage {
  t: 'spawn';
  data: WorkerBaseData;
  port: MessagePort;
}

/** A message and the buffers to transfer with it (large arrays cost nothing to send that way). */
export interface Outgoing<M> {
  message: M;
  transfer?: ArrayBuffer[];
}

/** What a kind's worker gives `serveInstance`: its instance, seen from the protocol. */
export interface InstanceBody<H extends BaseHeartbeat, S extends BaseStopped> {
  /** Starts the instance; the worker says `ready` when this resolves. */
  start(): Promise<void>;
  /**
   * The cell's time begins for this instance: for the cell's first instances once all of them are ready
   * (when the fault timeline starts), for a renewed one as soon as it is. Optional: a kind whose load must
   * line up with the timeline (an HTTP load, whose `at: 0s` faults must meet its first request) starts
   * it here; the others start in `start`.
   */
  begin?(): void;
  /** The kind's heartbeat figures (the worker's health is added to them here). */
  heartbeat(): Outgoing<Omit<H, keyof WorkerHealthSample>>;
  /** Ends the load: nothing new is generated; what is held keeps being delivered. */
  stopInput(): void;
  /**
   * Stops everything. Called once; the heartbeat timer is already stopped. What the instance still holds
   * is to be noted here, before the stop closes its connections.
   */
  stop(): Promise<void>;
  /** The answer to `stop`, sent once `stop` settles (even if it failed). */
  final(): Outgoing<S>;
  /**
   * Optional: called just before a `pause` fault freezes this thread, and `thaw` right after it lets go:
   * for an instance that is more than its thread (a child process, stopped and continued with it).
   */
  freeze?(): void;
  thaw?(): void;
}

/** What a kind's worker can ask of the engine while it builds its instance. */
export interface WorkerContext {
  /**
   * For a kind whose links lead to the instance itself (`LinkPlan.upstream: 'instance'`): says the
   * instance listens on `port` and resolves with the port of each link's proxy route (in link order),
   * which the engine points at it. Asked once per instance; later calls get the same answer.
   */
  routes(port: number): Promise<number[]>;
  /**
   * What the instance owns (instance-scope.ts). Its `clock` is the instance's clock: a kind whose
   * instances may share a worker (Isolation.instancesPerWorker) arms every timer through it, gives every
   * socket to `track`, and closes what else it holds in `onKill`, so that `kill` and `pause` act on this
   * instance alone. In a worker of its own the scope is never killed (the worker is terminated) and a
   * pause freezes the whole thread.
   */
  scope: InstanceScope;
}

