import type { MessagePort } from 'node:worker_threads';
import type { ClockSpec } from '../../core/clock.js';
import type { WorkerHealthSample } from './worker-health.js';
import type { ForwarderConfig } from '../../scenario/types.js';
import type { BrokerHeartbeat, BrokerStopped, BrokerWorkerData, FromBrokerWorker, ToBrokerWorker } from './broker-messages.js';

/** What each kind of isolated instance is given, reports with each heartbeat, and answers to `stop`; IsolatedInstance is typed by it. */
export interface InstanceKinds {
  forwarder: { data: ForwarderWorkerData; heartbeat: Heartbeat; stopped: ForwarderStopped };
  broker: { data: BrokerWorkerData; heartbeat: BrokerHeartbeat; stopped: BrokerStopped };
}

export type InstanceKind = keyof InstanceKinds;

/** Everything a worker needs to build its instance; structured-cloned into the worker. */
export type InstanceWorkerData = ForwarderWorkerData | BrokerWorkerData;

/** A forwarder worker's start data (instance-worker.ts). */
export interface ForwarderWorkerData {
  kind: 'forwarder';
  /** Unique within the run; the ledger source. */
  id: string;
  stream: string;
  system: ForwarderConfig;
  clock: ClockSpec;
  seed: number;
  /** Where the sink is reached, e.g. http://i3.sink.duress.test:41234 through the instance's proxy route. */
  origin: string;
  /** With a TLS sink (`https:` origin): its CA certificate (PEM). */
  ca?: string;
  /** The DNS fault server the instance resolves through; absent when the origin is an IP address. */
  dns: { host: string; port: number } | undefined;
  /**
   * Set by IsolatedInstance (callers leave it out) when `dns` is: the port on which the worker posts its
   * lookups for the main thread to resolve (lookup-relay.ts explains why a worker does no DNS itself).
   */
  lookupPort?: MessagePort;
  /** Wall ms between heartbeats. */
  heartbeatWallMs: number;
  /** One Int32 the worker waits on to freeze (the `pause` instance fault). */
  freeze: SharedArrayBuffer;
}

/** The instance's numbers, sent with every heartbeat (with the worker's memory and loop delay: WorkerHealthSample). */
export interface Heartbeat extends WorkerHealthSample {
  t: 'heartbeat';
  generated: number;
  /** Records declared dropped since the last heartbeat. */
  dropped: number[];
  /** Output request latencies (scenario ms) since the last heartbeat. */
  requestMs: number[];
  counters: Record<string, number>;
  outputFinished: number;
  lastOutputAt: number;
  inFlight: number;
  heldBytes: number;
  due: number;
  drained: boolean;
}

/** What a forwarder reports when asked to stop: what it generated, still held, and dropped since the last heartbeat. */
export interface ForwarderStopped {
  t: 'stopped';
  generated: number;
  undrained: number[];
  dropped: number[];
}

export type FromWorker = { t: 'ready' } | Heartbeat | ForwarderStopped | FromBrokerWorker;

/**
 * `freeze`: the `pause` fault (the thread waits, stopped). `busy`: tests only: the thread runs a synchronous
 * loop for `wallMs`, as heavy work in the worker would: real harness lag, which a freeze is not.
 */
export type ToWorker = { t: 'stopInput' } | { t: 'stop' } | { t: 'freeze'; wallMs: number } | { t: 'busy'; wallMs: number } | ToBrokerWorker;
