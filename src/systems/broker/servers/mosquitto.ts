import { userInfo } from 'node:os';
import mqtt, { type MqttClient } from 'mqtt';
import { ServerProcess, freePort } from './server-process.js';
import { FINAL_STATS_WALL_MS, StatsBook, type Endpoint, type PublishClient, type RealBroker, type RealBrokerOptions, type SubscribeClient, type SubscribeOptions } from './real-broker.js';
import type { RealServerConfig } from './server-schema.js';

type MosquittoConfig = Extract<RealServerConfig, { kind: 'mosquitto' }>;

/** mosquitto's log lines: it starts dropping for a client (once), and it cut one off for its keepalive. */
const DROPPING_LINE = /Outgoing messages are being dropped for client (\S+)\./;
const TIMEOUT_LINE = /Client (\S+) has exceeded timeout, disconnecting/;
const DROPPED_TOPIC = '$SYS/broker/publish/messages/dropped';
const HEAP_TOPIC = '$SYS/broker/heap/current';
/**
 * Every `sys_interval` mosquitto publishes its uptime first, then each counter that changed (sys_tree.c):
 * the uptime is the tick that says a round of figures begins, the dropped count is sent only when it moved.
 */
const UPTIME_TOPIC = '$SYS/broker/uptime';

/** The config of one instance's mosquitto: a loopback listener, no persistence, $SYS every second, the queue limits. */
export function mosquittoConfig(port: number, maxQueuedMessages: number, maxQueuedBytes: number): string {
  return [
    `listener ${port} 127.0.0.1`,
    'allow_anonymous true',
    // Run as root, mosquitto switches to the user `mosquitto`, and a change of user clears the parent-death
    // signal (prctl(2)): a duress killed with -9 would leave it running. It stays the user it was started as.
    `user ${userInfo().username}`,
    'persistence false',
    // stderr: its stdout is block-buffered into a pipe, and the ready line would come at exit.
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'log_type notice',
    'log_type information',
    'sys_interval 1',
    `max_queued_messages ${maxQueuedMessages}`,
    `max_queued_bytes ${maxQueuedBytes}`,
    '',
  ].join('\n');
}

/**
 * MQTT 3.1.1 at QoS 0 (mqtt.js). mosquitto's policy: a client's outgoing messages beyond
 * `max_queued_messages` (or `max_queued_bytes`) are dropped; it logs once that it drops for that client,
 * and counts every drop in `$SYS/broker/publish/messages/dropped`. It never cuts a slow subscriber off.
 */
export async function startMosquitto(config: MosquittoConfig, options: RealBrokerOptions): Promise<RealBroker> {
  const limit = `max_queued_messages ${config.maxQueuedMessages}, max_queued_bytes ${config.maxQueuedBytes}`;
  const stats = new StatsBook();
  let server: ServerProcess | undefined;
  let address: Endpoint;
  if (config.address) {
    const [host = '127.0.0.1', port = '1883'] = config.address.split(':');
    address = { host, port: Number(port) };
  } else {
    const onLine = (line: string): void => {
      const dropping = DROPPING_LINE.exec(line)?.[1];
      if (dropping && !stats.dropping.has(dropping)) stats.dropping.set(dropping, options.clock.now());
      const timedOut = TIMEOUT_LINE.exec(line)?.[1];
      if (timedOut) stats.cut(timedOut, options.clock.now(), 'keepalive exceeded');
    };
    const port = await freePort();
    server = await ServerProcess.start({
      program: options.program ?? '/usr/sbin/mosquitto',
      args: ['-c', '{dir}/mosquitto.conf'],
      files: { 'mosquitto.conf': mosquittoConfig(port, config.maxQueuedMessages, config.maxQueuedBytes) },
      ready: /mosquitto version \S+ running/,
      onLine,
    });
    address = { host: '127.0.0.1', port };
  }
  const clients = new Set<MqttClient>();
  const open = async (at: Endpoint, clientId: string, keepalive: number): Promise<MqttClient> => {
    const c = await mqtt.connectAsync({ host: at.host, port: at.port, clientId, reconnectPeriod: 0, keepalive, clean: true, connectTimeout: 10_000 });
    clients.add(c);
    return c;
  };
  /** Waiting for the next `$SYS` round (the final account). */
  const tickWaiters: (() => void)[] = [];
  let statsClient: MqttClient;
  try {
    statsClient = await open(address, `duress-stats-${process.pid}-${Math.random().toString(36).slice(2, 8)}`, 60);
    statsClient.on('message', (topic, payload) => {
      if (topic === UPTIME_TOPIC) for (const wake of tickWaiters.splice(0)) wake();
      const n = Number(payload.toString());
      if (!Number.isFinite(n)) return;
      if (topic === DROPPED_TOPIC) stats.dropped = n;
      else if (topic === HEAP_TOPIC && !server) stats.rss = n;
    });
    await statsClient.subscribeAsync([UPTIME_TOPIC, DROPPED_TOPIC, HEAP_TOPIC], { qos: 0 });
  } catch (e) {
    for (const c of clients) c.end(true);
    await server?.stop();
    throw e;
  }

  return {
    kind: 'mosquitto',
    address,
    limit,
    stats,
    async connectPublisher(name: string): Promise<PublishClient> {
      const c = await open(address, name, 60);
      return {
        publish: (topic, message) => c.publish(topic, message, { qos: 0 }),
        unanswered: 0,
        // mosquitto handles a client's packets in order: this PUBACK comes after every earlier PUBLISH was routed (or dropped).
        flush: async () => void (await c.publishAsync(`duress/flush/${name}`, '', { qos: 1 })),
        close: () => c.endAsync(true),
      };
    },
    async connectSubscriber(o: SubscribeOptions): Promise<SubscribeClient> {
      // No keepalive: a dead link is for the server's policy to find, not the client's.
      const c = await open(o.at, o.name, 0);
      let closed = false;
      c.on('message', (_topic, payload) => o.onMessage(payload));
      c.on('close', () => {
        if (closed) return;
        closed = true;
        o.onClosed('connection closed');
      });
      await c.subscribeAsync([...o.topics], { qos: 0 });
      return {
        get closed() {
          return closed;
        },
        close: () => c.endAsync(true),
      };
    },
    async poll(final = false): Promise<void> {
      if (server) stats.rss = server.rss();
      if (!final) return;
      // The publishers were flushed (every message routed or dropped) before this is called. The stats client's
      // own PUBACK then marks a moment after that on its connection: a tick it receives later began a round
      // computed later, whose dropped count (sent only if it moved) has arrived once the next tick does.
      let timer: NodeJS.Timeout | undefined;
      const settled = async (): Promise<void> => {
        await statsClient.publishAsync('duress/flush/stats', '', { qos: 1 });
        const tick = (): Promise<void> => new Promise<void>((resolve) => tickWaiters.push(resolve));
        await tick();
        await tick();
      };
      await Promise.race([settled().catch(() => undefined), new Promise((r) => (timer = setTimeout(r, FINAL_STATS_WALL_MS)))]);
      clearTimeout(timer);
    },
    async stop(): Promise<void> {
      await Promise.allSettled([...clients].map((c) => c.endAsync(true)));
      await server?.stop();
    },
  };
}
