import { ScaledClock } from '../../../core/clock.js';
import { Random } from '../../../core/random.js';
import type { InstanceBody, WorkerContext } from '../../isolation/worker-protocol.js';
import { brokerLinks } from '../links.js';
import { LatencyBuffer, type BrokerHeartbeat, type BrokerStopped, type BrokerWorkerData, type LatencyByLink, type SubscriberState } from '../messages.js';
import { RealBrokerInstance } from './real-broker-instance.js';
import type { RealServerConfig } from './server-schema.js';
import { startRealBroker } from './start-real-broker.js';
import { FLUSH_WALL_MS } from './real-broker.js';

/** Wall ms between two reads of the broker's stats interface. */
const POLL_WALL_MS = 250;

/**
 * The body of an isolated instance of a real broker (worker.ts runs it for `server: redis|nats|mosquitto`):
 * it starts the server, asks the engine for the subscribers' routes to it, connects its clients, and
 * heartbeats the same figures as the in-process broker, with the server's resident set for memory.
 */
export function realBrokerBody(data: BrokerWorkerData, server: RealServerConfig, context: WorkerContext): InstanceBody<BrokerHeartbeat, BrokerStopped> {
  const system = data.system;
  const clock = ScaledClock.fromSpec(data.clock);
  const links = brokerLinks(system);
  const latencies = new LatencyBuffer(links);
  let instance: RealBrokerInstance | undefined;
  let poller: NodeJS.Timeout | undefined;
  let final: { subscribers: SubscriberState[]; counters: Record<string, number>; latency: [LatencyByLink, ArrayBuffer[]] } | undefined;

  function poll(): void {
    void instance?.broker.poll().finally(() => {
      if (poller !== undefined) poller = setTimeout(poll, POLL_WALL_MS);
    });
  }

  return {
    async start() {
      const broker = await startRealBroker(server, { clock });
      instance = new RealBrokerInstance({
        id: data.id,
        clock,
        random: new Random(data.seed),
        broker,
        publishers: system.publishers,
        subscribers: system.subscribers,
        topics: system.topics,
        rate: system.rate,
        payloadSize: system.payloadSize,
        subscriberAddress: async (j, at) => {
          const ports = await context.routes(at.port);
          const p = ports[j];
          if (p === undefined) throw new Error(`broker worker: no route for ${links[j]}`);
          return { host: '127.0.0.1', port: p };
        },
        onLatency: (j, ms) => latencies.record(j, ms),
      });
      await instance.start();
      poller = setTimeout(poll, 0);
    },
    stopInput: () => instance?.stopInput(),
    heartbeat: () => {
      const states = instance?.subscriberStates() ?? [];
      const p = instance?.progress() ?? { delivered: 0, lastDeliveryAt: Number.NaN };
      const [latency, transfer] = latencies.take();
      return {
        message: {
          t: 'heartbeat',
          counters: instance?.counters(states) ?? {},
          subscribers: states,
          delivered: p.delivered,
          lastDeliveryAt: p.lastDeliveryAt,
          publisherBacklog: instance?.publisherBacklog() ?? 0,
          slots: [],
          drained: instance?.drained() ?? false,
          latency,
          serverRss: instance?.broker.stats.rss ?? 0,
        },
        transfer,
      };
    },
    async stop() {
      clearTimeout(poller);
      poller = undefined;
      if (!instance) return;
      instance.stopInput();
      // The broker's last word first (its drop count, who it cut off), once it has processed every message
      // published, then what was on the way.
      await instance.flushPublishers(FLUSH_WALL_MS);
      await instance.broker.poll(true);
      const subscribers = instance.subscriberStates();
      const counters = instance.counters(subscribers);
      counters.undrained = counters.inTransit ?? 0;
      counters.inTransit = 0;
      final = { subscribers, counters, latency: latencies.take() };
      await instance.stop();
    },
    final: () => {
      const [latency, transfer] = final?.latency ?? latencies.take();
      return { message: { t: 'stopped', counters: final?.counters ?? {}, subscribers: final?.subscribers ?? [], latency }, transfer };
    },
  };
}
