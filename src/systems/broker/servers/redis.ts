import { once } from 'node:events';
import { Redis } from 'ioredis';
import { ServerProcess, freePort } from './server-process.js';
import { serverSeconds, StatsBook, type Endpoint, type PublishClient, type RealBroker, type RealBrokerOptions, type SubscribeClient, type SubscribeOptions } from './real-broker.js';
import type { RealServerConfig } from './server-schema.js';

type RedisConfig = Extract<RealServerConfig, { kind: 'redis' }>;

/** Redis's log line for a client it cut off: `Client id=3 … name=<name> … omem=<bytes> … scheduled to be closed ASAP for overcoming of output buffer limits.` */
const CUT_LINE = /\bname=(\S*) .*\bomem=(\d+) .*closed ASAP for overcoming of output buffer limits/;

/** Options every client gets: no reconnection (a subscriber cut off stays cut off, as in the in-process broker), no offline queue. */
function clientOptions(at: Endpoint, name: string) {
  return { host: at.host, port: at.port, connectionName: name, lazyConnect: true, retryStrategy: () => null, enableOfflineQueue: false, maxRetriesPerRequest: 0 } as const;
}

/** The config of one instance's redis-server: loopback, no persistence, its log on stdout, the pub/sub limit. */
export function redisConfig(port: number, limit: string): string {
  return [`bind 127.0.0.1`, `port ${port}`, `save ""`, `appendonly no`, `logfile ""`, `loglevel notice`, `client-output-buffer-limit ${limit}`, ''].join('\n');
}

/**
 * Redis pub/sub (ioredis). Its policy: a subscriber whose output buffer reaches the hard limit, or stays
 * over the soft limit for `softFor`, is disconnected, and loses everything published until it
 * resubscribes. It says so in its log, with the client's name and its buffer (`omem`); `CLIENT LIST`
 * shows every client's buffer as it grows.
 */
export async function startRedis(config: RedisConfig, options: RealBrokerOptions): Promise<RealBroker> {
  const { hard, soft, softFor } = config.outputBufferLimit;
  const limit = `pubsub ${hard} ${soft} ${serverSeconds(softFor, options.clock)}`;
  const stats = new StatsBook();
  let server: ServerProcess | undefined;
  let address: Endpoint;
  if (config.address) {
    const [host = '127.0.0.1', port = '6379'] = config.address.split(':');
    address = { host, port: Number(port) };
  } else {
    const onLine = (line: string): void => {
      const m = CUT_LINE.exec(line);
      if (m?.[1]) stats.cut(m[1], options.clock.now(), `output buffer limits (omem ${m[2]} bytes)`);
    };
    const port = await freePort();
    server = await ServerProcess.start({ program: options.program ?? '/usr/bin/redis-server', args: ['-'], stdin: redisConfig(port, limit), ready: /Ready to accept connections/, onLine });
    address = { host: '127.0.0.1', port };
  }
  const admin = new Redis(clientOptions(address, 'duress-stats'));
  const clients = new Set<Redis>();
  try {
    await admin.connect();
  } catch (e) {
    admin.disconnect();
    await server?.stop();
    throw e;
  }

  return {
    kind: 'redis',
    address,
    limit: `client-output-buffer-limit ${limit}`,
    stats,
    async connectPublisher(name: string): Promise<PublishClient> {
      const r = new Redis({ ...clientOptions(address, name), enableAutoPipelining: true });
      clients.add(r);
      await r.connect();
      let unanswered = 0;
      const settled = (): void => {
        unanswered -= 1;
      };
      return {
        publish(topic, message) {
          unanswered += 1;
          r.publish(topic, message).then(settled, settled);
        },
        get unanswered() {
          return unanswered;
        },
        // Replies come in order: PING's comes after every PUBLISH's before it.
        flush: async () => void (await r.ping()),
        close: () => quit(r),
      };
    },
    async connectSubscriber(o: SubscribeOptions): Promise<SubscribeClient> {
      const r = new Redis(clientOptions(o.at, o.name));
      clients.add(r);
      let closed = false;
      r.on('messageBuffer', (_channel: Buffer, message: Buffer) => o.onMessage(message));
      r.on('error', () => undefined);
      r.on('end', () => {
        if (closed) return;
        closed = true;
        o.onClosed('connection closed');
      });
      await r.connect();
      await r.subscribe(...o.topics);
      return {
        get closed() {
          return closed;
        },
        close: () => quit(r),
      };
    },
    async poll(): Promise<void> {
      if (admin.status !== 'ready') return;
      const list = (await admin.client('LIST').catch(() => '')) as string;
      const buffered = new Map<string, number>();
      for (const line of list.split('\n')) {
        const name = /\bname=(\S+)/.exec(line)?.[1];
        const omem = /\bomem=(\d+)/.exec(line)?.[1];
        if (name && omem) buffered.set(name, Number(omem));
      }
      stats.buffered = buffered;
      if (server) stats.rss = server.rss();
      else {
        const info = (await admin.info('memory').catch(() => '')) as string;
        const rss = /used_memory_rss:(\d+)/.exec(info)?.[1];
        stats.rss = rss === undefined ? undefined : Number(rss);
      }
    },
    async stop(): Promise<void> {
      for (const c of clients) c.disconnect();
      admin.disconnect();
      await server?.stop();
    },
  };
}

/** Closes a client at once (a subscriber behind a dead link would never answer QUIT). */
async function quit(r: Redis): Promise<void> {
  if (r.status === 'end') return;
  const ended = once(r, 'end');
  r.disconnect();
  await ended;
}
