import { workerData } from 'node:worker_threads';
import { ScaledClock } from '../../core/clock.js';
import { Random } from '../../core/random.js';
import { serveInstance } from '../isolation/worker-protocol.js';
import type { Address } from './broker.js';
import { BrokerInstance } from './broker-instance.js';
import type { BrokerInboxConfig } from './config.js';
import type { InboxOptions } from './inbox.js';
import { brokerLinks } from './links.js';
import { LatencyBuffer, type BrokerHeartbeat, type BrokerStopped, type BrokerWorkerData, type LatencyByLink, type SubscriberState } from './messages.js';
import type { realBrokerBody as RealBrokerBody } from './servers/server-body.js';

/**
 * The body of an isolated broker instance: one broker with its publishers and subscribers in a worker
 * thread (for a real broker server, servers/server-body.ts). Publishers connect to the broker directly; every subscribing client connects through its own
 * proxy route, whose ports the engine sends once the broker listens (worker-protocol.ts: `routes`).
 * Nothing here catches the instance's own failures: an uncaught error ends the worker (a crash), the heap
 * limit ends it (memory).
 */
/**
 * The real-broker body and its client libraries (ioredis, nats.js, mqtt.js, a few MB of heap and code per
 * worker) are loaded only by a worker that runs a real server: an in-process broker worker never needs
 * them. A worker whose data does not say (a shared worker, which gets its instances later) loads them.
 */
const data0 = workerData as Partial<BrokerWorkerData> | undefined;
const realBody: typeof RealBrokerBody | undefined =
  data0?.system?.server.kind === 'in-process' ? undefined : (await import('./servers/server-body.js')).realBrokerBody;

await serveInstance<BrokerWorkerData, BrokerHeartbeat, BrokerStopped>((data, context) => {
  const system = data.system;
  // A real broker server (redis, nats, mosquitto) has its own body: servers/server-body.ts.
  if (system.server.kind !== 'in-process') {
    if (!realBody) throw new Error(`broker worker: started for an in-process broker, given a ${system.server.kind} server`);
    return realBody(data, system.server, context);
  }
  const links = brokerLinks(system);
  const latencies = new LatencyBuffer(links);
  const instance = new BrokerInstance({
    id: data.id,
    clock: ScaledClock.fromSpec(data.clock),
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
    onLatency: (j, ms) => latencies.record(j, ms),
    subscriberAddress: async (j: number, broker: Address): Promise<Address> => {
      const ports = await context.routes(broker.port);
      const p = ports[j];
      if (p === undefined) throw new Error(`broker worker: no route for ${links[j]}`);
      return { host: '127.0.0.1', port: p };
    },
  });
  let inputStopped = false;
  let final: { subscribers: SubscriberState[]; latency: [LatencyByLink, ArrayBuffer[]] } | undefined;

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
        goneAt: g?.at,
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

  return {
    start: () => instance.start(),
    stopInput: () => {
      inputStopped = true;
      instance.stopInput();
    },
    heartbeat: () => {
      const p = instance.progress();
      let backlog = 0;
      for (const pub of instance.publishers) backlog += pub.backlog;
      const [latency, transfer] = latencies.take();
      return {
        message: {
          t: 'heartbeat',
          counters: instance.counters(),
          subscribers: subscriberStates(),
          delivered: p.delivered,
          lastDeliveryAt: p.lastDeliveryAt,
          publisherBacklog: backlog,
          slots: system.syncAck ? instance.slotStates() : [],
          // Until `stopInput` arrives, a quiet moment between two messages is not the end of the load.
          drained: inputStopped && instance.drained(),
          latency,
        },
        transfer,
      };
    },
    stop: () => {
      // Taken before the stop closes every connection: what is on the way now is what was not drained.
      final = { subscribers: subscriberStates(), latency: latencies.take() };
      return instance.stop();
    },
    final: () => {
      const [latency, transfer] = final?.latency ?? latencies.take();
      return { message: { t: 'stopped', counters: instance.counters(), subscribers: final?.subscribers ?? subscriberStates(), latency }, transfer };
    },
  };
});
