import type { BaseHeartbeat, BaseStopped, WorkerBaseData } from '../isolation/worker-protocol.js';
import type { BrokerConfig } from './config.js';
import type { SlotState } from './framed-connection.js';

/**
 * What a broker instance's worker (worker.ts) is given and reports. Its start is the protocol's routes
 * conversation (worker-protocol.ts): the worker starts its broker and reports the port (`listening`), the
 * engine points each subscribing client's proxy route at it and answers with the routes' ports, and the
 * worker connects its clients through them and says `ready`.
 */

/** A broker worker's start data (worker.ts): the engine's fields and its config. */
export interface BrokerWorkerData extends WorkerBaseData {
  system: BrokerConfig;
}

/** One subscribing client (subscriber or peer), as the broker and the client account for it together. */
export interface SubscriberState {
  /** Its link: `subscriber-<j>` or `peer-<k>`. */
  link: string;
  /** Client id, `<instance id>/sub-<j>`. */
  id: string;
  /** Messages published while it was subscribed, over all publishers. */
  expected: number;
  delivered: number;
  duplicates: number;
  reordered: number;
  /** Refused by its inbox policy (drop-newest). */
  dropped: number;
  /** Lost to its disconnection (queued, in the socket, or published after it). */
  cut: number;
  /** Still on the way to it (connected only). */
  inTransit: number;
  /** Holes no declared drop explains: silent loss. */
  lost: number;
  /** Copies the broker holds for it now (inbox, waiting for a slot, socket buffer). */
  queued: number;
  connected: boolean;
  /** Cut off by the inbox policy (not by the network or the client). */
  disconnected: boolean;
  /** Why it went away, if it did. */
  goneReason: string | undefined;
  /** When it went away (scenario epoch ms), where known: a real broker's word that it cut it off. */
  goneAt?: number | undefined;
}

/** A broker worker's heartbeat, with the worker's memory and loop delay (WorkerHealthSample). */
export interface BrokerHeartbeat extends BaseHeartbeat {
  /** BrokerInstance.counters(): published, delivered, dropped, queuedBytes, deepestQueue, … */
  counters: Record<string, number>;
  subscribers: SubscriberState[];
  /** First deliveries to every subscriber so far, and the scenario epoch ms of the last one (NaN if none). */
  delivered: number;
  lastDeliveryAt: number;
  /** Messages publishers owe and could not send yet: they keep trying. */
  publisherBacklog: number;
  /** Slot pools of every open connection endpoint (sync-ack mode; empty otherwise). */
  slots: SlotState[];
  /** Latency of the deliveries since the last heartbeat. */
  latency: LatencyByLink;
  /** A real broker server's resident set, bytes (servers/): what its memory is judged by; absent for the in-process broker. */
  serverRss?: number;
}

/**
 * Each subscribing client's end-to-end latencies (scenario ms) of first deliveries, by link, raw: copying
 * a few thousand numbers costs the main thread far less than decoding a histogram, and it is exact.
 */
export type LatencyByLink = Record<string, Float64Array>;

/** A broker worker's latencies since the last heartbeat, by subscriber link, taken out as LatencyByLink. */
export class LatencyBuffer {
  /** Per link, a typed array that doubles as it fills (a number[] push per delivery cost the real-broker subscribers' hot path a tenth of its time), and how much of it holds this period's values. */
  readonly #values: Float64Array[];
  readonly #lengths: number[];

  constructor(readonly links: readonly string[]) {
    this.#values = links.map(() => new Float64Array(1024));
    this.#lengths = links.map(() => 0);
  }

  /** One first delivery to subscriber `j`, its end-to-end latency in scenario ms. */
  record(j: number, ms: number): void {
    let values = this.#values[j];
    if (values === undefined) return;
    const at = this.#lengths[j] as number;
    if (at === values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      this.#values[j] = values = grown;
    }
    values[at] = ms;
    this.#lengths[j] = at + 1;
  }

  /** What was recorded since the last call (copies: the buffers are kept for the next period), and their buffers to transfer to the main thread. */
  take(): [LatencyByLink, ArrayBuffer[]] {
    const out: LatencyByLink = {};
    const buffers: ArrayBuffer[] = [];
    this.#values.forEach((values, j) => {
      const a = values.slice(0, this.#lengths[j]);
      out[this.links[j] ?? String(j)] = a;
      buffers.push(a.buffer);
      this.#lengths[j] = 0;
    });
    return [out, buffers];
  }
}

/** The answer to `stop`: the final figures, and the latency recorded since the last heartbeat. */
export interface BrokerStopped extends BaseStopped {
  counters: Record<string, number>;
  subscribers: SubscriberState[];
  latency: LatencyByLink;
}
