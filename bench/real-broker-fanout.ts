import { existsSync } from 'node:fs';
import { wallClock } from '../src/core/clock.js';
import { HEARTBEAT_WALL_MS } from '../src/engine/cell-runner.js';
import { Random } from '../src/core/random.js';
import { LatencyBuffer } from '../src/systems/broker/messages.js';
import { RealBrokerInstance } from '../src/systems/broker/servers/real-broker-instance.js';
import type { RealBroker } from '../src/systems/broker/servers/real-broker.js';
import type { RealServerConfig } from '../src/systems/broker/servers/server-schema.js';
import { startRealBroker } from '../src/systems/broker/servers/start-real-broker.js';
import { printTable, type BenchResult } from './bench-util.js';

/**
 * Fan-out of one publisher to 10 subscribers through each real broker (Debian's redis-server,
 * nats-server, mosquitto, one fresh server per measurement), driven two ways in the same run:
 *   duress - a RealBrokerInstance, as a scenario's instance runs it: stamped messages at a rate far above
 *            what the broker fans out, every delivery accounted per publisher-subscriber pair;
 *   bare   - the same npm client, a loop publishing the same number of messages as fast as it takes them,
 *            subscribers that only count.
 * Publications/s = messages / seconds until every subscriber has every message. Subscribers connect to
 * the server directly (no proxy) in both. One of each not counted (warm-up), then bare, duress, duress, bare;
 * the better of two each. This process's CPU per publication beside it (connections and the server's start
 * included, in both).
 * Target: duress at least 0.8 of the bare loop for every broker.
 */

const SUBSCRIBERS = 10;
const PAYLOAD = 100;
const TARGET_RATIO = 0.8;
/** Messages per measurement, per broker (mqtt.js is slower: fewer). */
const MESSAGES: Record<RealServerConfig['kind'], number> = { redis: 20_000, nats: 50_000, mosquitto: 10_000 };
const LIMIT_MS = 60_000;

const SERVERS: { config: RealServerConfig; program: string }[] = [
  { config: { kind: 'redis', outputBufferLimit: { hard: 0, soft: 0, softFor: 0 } }, program: '/usr/bin/redis-server' },
  { config: { kind: 'nats', maxPending: 256 * 2 ** 20, writeDeadline: 60_000 }, program: '/usr/sbin/nats-server' },
  { config: { kind: 'mosquitto', maxQueuedMessages: 0, maxQueuedBytes: 0 }, program: '/usr/sbin/mosquitto' },
];

type Mode = 'bare' | 'duress';

export async function benchRealBrokerFanout(): Promise<BenchResult> {
  const metrics: Record<string, number> = {};
  let pass = true;
  for (const { config, program } of SERVERS) {
    if (!existsSync(program)) {
      process.stdout.write(`${program} is not installed: ${config.kind} skipped\n`);
      continue;
    }
    const n = MESSAGES[config.kind];
    const runs: Record<Mode, Measured[]> = { bare: [], duress: [] };
    // One of each first, not counted: the clients' code is compiled and the heap sized by then (the first
    // runs of either were up to twice as slow, which favoured whichever ran last).
    for (const mode of ['bare', 'duress'] as Mode[]) await measure(config, mode, n);
    for (const mode of ['bare', 'duress', 'duress', 'bare'] as Mode[]) runs[mode].push(await measure(config, mode, n));
    const best = (mode: Mode): Measured => runs[mode].reduce((a, b) => (b.rate > a.rate ? b : a));
    const [bare, duress] = [best('bare').rate, best('duress').rate];
    const ratio = duress / bare;
    const cpu = (mode: Mode): number => Math.min(...runs[mode].map((r) => r.cpuMicros));
    printTable(`${config.kind} fan-out: 1 publisher -> ${SUBSCRIBERS} subscribers, ${PAYLOAD} B payloads, ${n} publications`, [
      ['bare client loop: publications/s', bare.toFixed(0)],
      ['duress instance: publications/s', duress.toFixed(0)],
      [`duress / bare (target >= ${TARGET_RATIO})`, ratio.toFixed(2)],
      ['CPU of this process per publication, bare / duress (µs, the lesser of two)', `${cpu('bare').toFixed(1)} / ${cpu('duress').toFixed(1)}`],
    ]);
    metrics[`${config.kind}BarePublicationsPerSecond`] = bare;
    metrics[`${config.kind}DuressPublicationsPerSecond`] = duress;
    metrics[`${config.kind}Ratio`] = ratio;
    if (ratio < TARGET_RATIO) pass = false;
  }
  return { name: 'real-broker-fanout', metrics, pass };
}

/** One measurement: publications per second, and this process's CPU (user + system) per publication, µs. */
interface Measured {
  rate: number;
  cpuMicros: number;
}

async function measure(config: RealServerConfig, mode: Mode, n: number): Promise<Measured> {
  const broker = await startRealBroker(config, { clock: wallClock });
  try {
    const cpu0 = process.cpuUsage();
    const { published, seconds } = mode === 'bare' ? await bare(broker, n) : await viaDuress(broker, n);
    const cpu = process.cpuUsage(cpu0);
    return { rate: published / seconds, cpuMicros: (cpu.user + cpu.system) / published };
  } finally {
    await broker.stop();
  }
}

/** Seconds until `done()` holds, checked every 2 ms; fails past LIMIT_MS. */
async function until(done: () => boolean): Promise<void> {
  const deadline = performance.now() + LIMIT_MS;
  while (!done()) {
    if (performance.now() > deadline) throw new Error('real-broker-fanout: not every subscriber got every message in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Publications and the seconds from the first publication until every subscriber had every one. */
interface Timed {
  published: number;
  seconds: number;
}

async function bare(broker: RealBroker, n: number): Promise<Timed> {
  const topic = 'bench.t0';
  let received = 0;
  const subs = await Promise.all(
    Array.from({ length: SUBSCRIBERS }, (_, j) =>
      broker.connectSubscriber({ name: `bench-sub-${j}`, at: broker.address, topics: [topic], onMessage: () => void (received += 1), onClosed: () => undefined }),
    ),
  );
  const pub = await broker.connectPublisher('bench-pub');
  const message = Buffer.alloc(PAYLOAD + 16);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    pub.publish(topic, message);
    // Let the client's socket drain now and then, as any loop that publishes this much must.
    if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
  }
  await until(() => received >= n * SUBSCRIBERS);
  const seconds = (performance.now() - t0) / 1000;
  await Promise.allSettled([pub.close(), ...subs.map((s) => s.close())]);
  return { published: n, seconds };
}

async function viaDuress(broker: RealBroker, n: number): Promise<Timed> {
  // A rate far above what any of them fans out: the publisher owes more than the broker takes.
  const rate = 1_000_000;
  // Every delivery's latency is kept and taken out at the engine's heartbeat period, as the worker does.
  const latencies = new LatencyBuffer(Array.from({ length: SUBSCRIBERS }, (_, j) => `subscriber-${j}`));
  const heartbeats = setInterval(() => latencies.take(), HEARTBEAT_WALL_MS);
  const instance = new RealBrokerInstance({
    id: 'bench',
    clock: wallClock,
    random: new Random(1),
    broker,
    publishers: 1,
    subscribers: SUBSCRIBERS,
    topics: 1,
    rate,
    payloadSize: PAYLOAD + 16,
    subscriberAddress: (_j, at) => Promise.resolve(at),
    onLatency: (j, ms) => latencies.record(j, ms),
  });
  await instance.start();
  const t0 = performance.now();
  await until(() => instance.published() >= n);
  instance.stopInput();
  const published = instance.published();
  await until(() => instance.progress().delivered >= published * SUBSCRIBERS);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(heartbeats);
  await instance.stop();
  return { published, seconds };
}
