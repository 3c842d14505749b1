import { parentPort, workerData } from 'node:worker_threads';
import { brokerLinks } from '../../scenario/links.js';
import type { BrokerInboxConfig } from '../../scenario/types.js';
import type { Address } from '../../systems/broker/broker.js';
import { BrokerInstance } from '../../systems/broker/broker-instance.js';
import type { InboxOptions } from '../../systems/broker/inbox.js';
import { ScaledClock } from '../../core/clock.js';
import { Random } from '../../core/random.js';
import { WorkerHealth } from './worker-health.js';
import type { BrokerHeartbeat, BrokerWorkerData, FromBrokerWorker, LatencyByLink, SubscriberState, ToBrokerWorker } from './broker-messages.js';

/**
 * The body of an isolated broker instance: one broker with its publishers and subscribers in a worker
 * thread. Publishers connect to the broker directly; every subscribing client connects through its own
 * proxy route, whose ports the main thread sends once the broker listens. Nothing here catches the
 * instance's own failures: an uncaught error ends the worker (a crash), the heap limit ends it (memory).
 */
const data = workerData as BrokerWorkerData;
const port = parentPort;
if (!port) throw new Error('broker-worker must run in a worker thread');
const post = (m: FromBrokerWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

const system = data.system;
const links = brokerLinks(system);
let latencies: number[][] = links.map(() => []);
const clock = ScaledClock.fromSpec(data.clock);
let answerRoutes: ((ports: number[]) => void) | undefined;
let routes: Promise<number[]> | undefined;

const instance = new BrokerInstance({
  id: data.id,
  clock,
  random: new Random(data.seed),
  publishers: system.publishers,
  subscribers: system.subscribers,
  peers: system.peers,
  topics: system.topics,
  rate: system.rate,
  payloadSize: system.payloadSize,
  inbox: inboxOptions(system.inbox),
  syncAck: system.syncAck,
  creditWindow: system.creditWindow,
  writeHighWater: system.writeHighWater,
  tolerateSubscriberFailures: true,
  onLatency: (j, ms) => latencies[j]?.push(ms),
  subscriberAddress: async (j: number, broker: Address): Promise<Address> => {
    routes ??= new Promise<number[]>((resolve) => {
      answerRoutes = resolve;
      post({ t: 'listening', port: broker.port });
    });
    const ports = await routes;
    const p = ports[j];
    if (p === undefined) throw new Error(`broker worker: no route for ${links[j]}`);
    return { host: '127.0.0.1', port: p };
  },
});
const freeze = new Int32Array(data.freeze);
let inputStopped = false;

function inboxOptions(inbox: BrokerInboxConfig): InboxOptions {
  switch (inbox.kind) {
    case 'disconnect':
      return { kind: 'disconnect', hard: inbox.hard, soft: inbox.soft, softForMs: inbox.softFor };
    case 'elastic':
      return { kind: 'elastic', limit: inbox.limit, lagMs: inbox.lag };
    default:
      return inbox;
  }
}

/** Per subscribing client: the pair accounting summed over publishers, the broker's queue, its state. */
function subscriberStates(): SubscriberState[] {
  const gone = new Map(instance.disconnections().map((d) => [d.subscriber, d]));
  const held = new Map<string, number>();
  for (const [id, pairs] of instance.broker.pairs()) {
    let n = 0;
    for (const p of pairs.values()) n += p.routed - p.dropped - p.written - p.cut;
    held.set(id, n);
  }
  const states = instance.subscribers.map((s, j): SubscriberState => {
    const g = gone.get(s.id);
    return {
      link: links[j] ?? s.id,
      id: s.id,
      expected: 0,
      delivered: 0,
      duplicates: 0,
      reordered: 0,
      dropped: 0,
      cut: 0,
      inTransit: 0,
      lost: 0,
      queued: held.get(s.id) ?? 0,
      connected: !s.closed && instance.broker.subscriberConnected(s.id),
      disconnected: g?.byPolicy ?? false,
      goneReason: g?.reason ?? s.connection.closeReason,
    };
  });
  const byId = new Map(states.map((s) => [s.id, s]));
  for (const r of instance.pairs()) {
    const s = byId.get(r.subscriber);
    if (!s) continue;
    s.expected += r.expected;
    s.delivered += r.delivered;
    s.duplicates += r.duplicates;
    s.reordered += r.reordered;
    s.dropped += r.dropped;
    s.cut += r.cut;
    s.inTransit += r.inTransit;
    s.lost += r.lost;
  }
  return states;
}

/** Each subscriber's latencies since the last call, and the buffers to transfer with them. */
function takeLatency(): [LatencyByLink, ArrayBuffer[]] {
  const out: LatencyByLink = {};
  const buffers: ArrayBuffer[] = [];
  latencies.forEach((values, j) => {
    const a = Float64Array.from(values);
    out[links[j] ?? String(j)] = a;
    buffers.push(a.buffer);
  });
  latencies = links.map(() => []);
  return [out, buffers];
}


function heartbeat(): void {
  const p = instance.progress();
  let backlog = 0;
  for (const pub of instance.publishers) backlog += pub.backlog;
  const [latency, buffers] = takeLatency();
  const hb: BrokerHeartbeat = {
    t: 'heartbeat',
    counters: instance.counters(),
    subscribers: subscriberStates(),
    delivered: p.delivered,
    lastDeliveryAt: p.lastDeliveryAt,
    publisherBacklog: backlog,
    slots: system.syncAck ? instance.slotStates() : [],
    // Until `stopInput` arrives, a quiet moment between two messages is not the end of the load.
    drained: inputStopped && instance.drained(),
    ...health.sample(),
    latency,
  };
  post(hb, buffers);
}

port.on('message', (m: ToBrokerWorker) => {
  switch (m.t) {
    case 'routes':
      answerRoutes?.(m.ports);
      break;
    case 'stopInput':
      inputStopped = true;
      instance.stopInput();
      break;
    case 'freeze': {
      // A real freeze of this thread: no timer fires, no socket is read, until the time is up.
      const frozenAt = performance.now();
      Atomics.wait(freeze, 0, 0, m.wallMs);
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
      // Taken before the stop closes every connection: what is on the way now is what was not drained.
      const subscribers = subscriberStates();
      const [latency, buffers] = takeLatency();
      void instance.stop().finally(() => {
        post({ t: 'stopped', counters: instance.counters(), subscribers, latency }, buffers);
        port.close();
      });
      break;
    }
  }
});

const health = new WorkerHealth(data.heartbeatWallMs);
const timer = setInterval(heartbeat, data.heartbeatWallMs);
await instance.start();
post({ t: 'ready' });
