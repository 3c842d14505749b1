import { once } from 'node:events';
import { Redis } from 'ioredis';
import { LogFollower } from './log-follower.js';
import { ServerProcess, freePort } from './server-process.js';
import { serverSeconds, StatsBook, type Endpoint, type PublishClient, type RealBroker, type RealBrokerOptions, type SubscribeClient, type SubscribeOptions } from './real-broker.js';
import type { RealServerConfig } from './server-schema.js';

type RedisConfig = Extract<RealServerConfig, { kind: 'redis' }>;

/**
 * Redis's log lines for a client it cut off, in its two words (networking.c, closeClientOnOutputBufferLimitReached):
 *   `Client id=3 … name=<name> … omem=<bytes> … scheduled to be closed ASAP for overcoming of output buffer limits.`
 *   when a write to the client finds it over a limit (a publish: the hard limit, or the soft one held long enough);
 *   `Client id=3 … name=<name> … omem=<bytes> … closed for overcoming of output buffer limits.`
 *   when its clients cron finds it over the soft limit for `softFor` between two writes (a publisher that went quiet, or
 *   simply the cron's turn first: at 10 messages/s the two race).
 */
const CUT_LINE = /\bname=(\S*) .*\bomem=(\d+) .*\bclosed (?:ASAP )?for overcoming of output buffer limits/;

/** The client name and its output buffer (bytes) in a log line that says Redis cut the client off; undefined for any other line. */
export function redisCutOff(line: string): { name: string; omem: number } | undefined {
  const m = CUT_LINE.exec(line);
  return m?.[1] ? { name: m[1], omem: Number(m[2]) } : undefined;
}

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
  let limit = `pubsub ${hard} ${soft} ${serverSeconds(softFor, options.clock)}`;
  const stats = new StatsBook();
  const onLine = (line: string): void => {
    const cut = redisCutOff(line);
    if (cut) stats.cut(cut.name, options.clock.now(), `output buffer limits (omem ${cut.omem} bytes)`);
  };
  let server: ServerProcess | undefined;
  let address: Endpoint;
  if (config.address) {
    const [host = '127.0.0.1', port = '6379'] = config.address.split(':');
    address = { host, port: Number(port) };
  } else {
    const port = await freePort();
    server = await ServerProcess.start({ program: options.program ?? '/usr/bin/redis-server', args: ['-'], stdin: redisConfig(port, limit), ready: /Ready to accept connections/, onLine });
    address = { host: '127.0.0.1', port };
  }
  const admin = new Redis(clientOptions(address, 'duress-stats'));
  const clients = new Set<Redis>();
  let log: LogFollower | undefined;
  try {
    await admin.connect();
    if (!server) ({ limit, log } = await runningServer(admin));
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
      await log?.read(onLine);
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

/**
 * What duress reads of a server it did not start (`address`): its own pub/sub limit (the config's is not
 * applied), and its log file when it logs to one this process can read (a server on this machine): what
 * it says of the clients it cuts off. CONFIG may be refused (renamed away on a managed server): then the
 * limit is unknown and no cut-off is read; a subscriber's connection that ends is still seen, as ended.
 */
async function runningServer(admin: Redis): Promise<{ limit: string; log: LogFollower | undefined }> {
  const get = async (key: string): Promise<string | undefined> => ((await admin.config('GET', key).catch(() => [])) as string[])[1];
  const limits = (await get('client-output-buffer-limit')) ?? '';
  const pubsub = /\bpubsub \d+ \d+ \d+/.exec(limits)?.[0];
  const logfile = await get('logfile');
  return { limit: pubsub ? `${pubsub} (the server's own)` : 'pubsub unknown (CONFIG GET refused)', log: logfile ? await LogFollower.open(logfile) : undefined };
}

/** Closes a client at once (a subscriber behind a dead link would never answer QUIT). */
async function quit(r: Redis): Promise<void> {
  if (r.status === 'end') return;
  const ended = once(r, 'end');
  r.disconnect();
  await ended;
}
