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
 *            what the broker fans out, every delivery accounted per publisher-subscriber pair and its
 *            latency kept (taken out at the engine's heartbeat period, as the worker does);
 *   bare   - the same npm client with the same options (RealBroker.connectPublisher/connectSubscriber:
 *            ioredis with auto-pipelining for the publisher on both sides), the same message size, 10
 *            subscriber connections on one topic, a loop publishing as fast as it takes them (yielding every
 *            1,000 as RatePublisher does), subscribers that only count.
 * Publications/s = messages / seconds from the first publication until every subscriber has every one.
 * Subscribers connect to the server directly (no proxy) in both.
 *
 * Paired rounds: one pair not counted (warm-up: the clients' code compiled, the heap sized), then ROUNDS
 * pairs, bare first in even rounds and duress first in odd ones. The figure is the median of the rounds'
 * duress ÷ bare ratios: the two halves of a pair run back to back, so alike in the shared machine's load,
 * and one disturbed round moves the median least. The spread (lowest and highest round) is printed beside
 * it. CPU: this process's (user + system; publisher and subscribers alike live in it) over the same
 * window, per publication, median of the rounds; the broker server's own CPU is not in it.
 * Target: median round ratio at least 0.8 for every broker.
 */

const SUBSCRIBERS = 10;
const PAYLOAD = 100;
const TARGET_RATIO = 0.8;
const ROUNDS = 7;
/** Messages per measurement, per broker: about a second of each (mqtt.js is slower: fewer; NATS faster: more, or a round is too short to be steady). */
const MESSAGES: Record<RealServerConfig['kind'], number> = { redis: 25_000, nats: 100_000, mosquitto: 12_000 };
const LIMIT_MS = 60_000;

const SERVERS: { config: RealServerConfig; program: string }[] = [
  { config: { kind: 'redis', outputBufferLimit: { hard: 0, soft: 0, softFor: 0 } }, program: '/usr/bin/redis-server' },
  { config: { kind: 'nats', maxPending: 256 * 2 ** 20, writeDeadline: 60_000 }, program: '/usr/sbin/nats-server' },
  { config: { kind: 'mosquitto', maxQueuedMessages: 0, maxQueuedBytes: 0 }, program: '/usr/sbin/mosquitto' },
];

type Mode = 'bare' | 'duress';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export async function benchRealBrokerFanout(): Promise<BenchResult> {
  const metrics: Record<string, number> = {};
  let pass = true;
  for (const { config, program } of SERVERS) {
    if (!existsSync(program)) {
      process.stdout.write(`${program} is not installed: ${config.kind} skipped\n`);
      continue;
    }
    const n = MESSAGES[config.kind];
    for (const mode of ['bare', 'duress'] as Mode[]) await measure(config, mode, n);
    const rounds: Record<Mode, Measured>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order: Mode[] = round % 2 ? ['duress', 'bare'] : ['bare', 'duress'];
      const pair = {} as Record<Mode, Measured>;
      for (const mode of order) pair[mode] = await measure(config, mode, n);
      rounds.push(pair);
    }
    const ratios = rounds.map((r) => r.duress.rate / r.bare.rate);
    const ratio = median(ratios);
    const rate = (mode: Mode): number => median(rounds.map((r) => r[mode].rate));
    const cpu = (mode: Mode): number => median(rounds.map((r) => r[mode].cpuMicros));
    printTable(`${config.kind} fan-out: 1 publisher -> ${SUBSCRIBERS} subscribers, ${PAYLOAD + 16} B messages, ${n} publications, ${ROUNDS} paired rounds`, [
      ['bare client loop: publications/s (median round)', rate('bare').toFixed(0)],
      ['duress instance: publications/s (median round)', rate('duress').toFixed(0)],
      [`duress / bare, median of the rounds' ratios (target >= ${TARGET_RATIO})`, ratio.toFixed(2)],
      ['  rounds (lowest - highest)', `${Math.min(...ratios).toFixed(2)} - ${Math.max(...ratios).toFixed(2)}  [${ratios.map((r) => r.toFixed(2)).join(' ')}]`],
      ['CPU of this process per publication, bare / duress (µs, median round)', `${cpu('bare').toFixed(1)} / ${cpu('duress').toFixed(1)}`],
    ]);
    metrics[`${config.kind}BarePublicationsPerSecond`] = rate('bare');
    metrics[`${config.kind}DuressPublicationsPerSecond`] = rate('duress');
    metrics[`${config.kind}Ratio`] = ratio;
    metrics[`${config.kind}RatioLowestRound`] = Math.min(...ratios);
    metrics[`${config.kind}RatioHighestRound`] = Math.max(...ratios);
    metrics[`${config.kind}BareCpuMicrosPerPublication`] = cpu('bare');
    metrics[`${config.kind}DuressCpuMicrosPerPublication`] = cpu('duress');
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
    const { published, seconds, cpuMicros } = mode === 'bare' ? await bare(broker, n) : await viaDuress(broker, n);
    return { rate: published / seconds, cpuMicros: cpuMicros / published };
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

/** Publications, the seconds from the first publication until every subscriber had every one, and this process's CPU µs over those seconds. */
interface Timed {
  published: number;
  seconds: number;
  cpuMicros: number;
}

/** The window measured: wall seconds and this process's CPU µs since `start()`. */
function window(): { end(): { seconds: number; cpuMicros: number } } {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  return {
    end() {
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      return { seconds, cpuMicros: cpu.user + cpu.system };
    },
  };
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
  const measured = window();
  for (let i = 0; i < n; i++) {
    pub.publish(topic, message);
    // Let the client's socket drain now and then, as any loop that publishes this much must.
    if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
  }
  await until(() => received >= n * SUBSCRIBERS);
  const { seconds, cpuMicros } = measured.end();
  await Promise.allSettled([pub.close(), ...subs.map((s) => s.close())]);
  return { published: n, seconds, cpuMicros };
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
  // start() connects the clients, then the publisher's first turn: the window starts before it, as the
  // bare loop's starts before its first publication (its connections made before).
  await instance.connect();
  const measured = window();
  instance.startPublishing();
  await until(() => instance.published() >= n);
  instance.stopInput();
  const published = instance.published();
  await until(() => instance.progress().delivered >= published * SUBSCRIBERS);
  const { seconds, cpuMicros } = measured.end();
  clearInterval(heartbeats);
  await instance.stop();
  return { published, seconds, cpuMicros };
}
