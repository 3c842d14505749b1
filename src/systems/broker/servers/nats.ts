import { connect, type NatsConnection } from 'nats';
import { ServerProcess, freePort } from './server-process.js';
import { StatsBook, type Endpoint, type PublishClient, type RealBroker, type RealBrokerOptions, type SubscribeClient, type SubscribeOptions } from './real-broker.js';
import type { RealServerConfig } from './server-schema.js';

type NatsConfig = Extract<RealServerConfig, { kind: 'nats' }>;

/** nats-server's log line for a slow consumer: `… - cid:4 - "<name>" - Slow Consumer Detected: WriteDeadline of 2s exceeded …` (the name may carry `version:lang:` before it). */
const SLOW_LINE = /"(?:[^"]*:)?([^":]+)" - Slow Consumer Detected: (.*)$/;
/** Wall ms a client's close may take before it is left to the worker's end (a dead link never answers). */
const CLOSE_WAIT_MS = 1000;

/** The config of one instance's nats-server: loopback, its monitoring endpoint, the slow-consumer limits (wall time). */
export function natsConfig(port: number, monitorPort: number, maxPending: number, writeDeadlineWallMs: number): string {
  // The server refuses a max_payload (default 1 MB) above max_pending.
  return [`listen: "127.0.0.1:${port}"`, `http: "127.0.0.1:${monitorPort}"`, `max_pending: ${maxPending}`, `max_payload: ${Math.min(2 ** 20, maxPending)}`, `write_deadline: "${Math.max(1, Math.round(writeDeadlineWallMs))}ms"`, ''].join('\n');
}

interface Connz {
  connections?: { name?: string; pending_bytes?: number; reason?: string; stop?: string }[];
}

/**
 * NATS core pub/sub (nats.js). Its policy: a client whose pending bytes pass `max_pending`, or whose
 * write stays blocked for `write_deadline`, is a slow consumer: the server says so in its log and closes
 * the connection. Its monitoring endpoint shows every client's pending bytes (/connz) and, once closed,
 * the reason (/connz?state=closed).
 */
export async function startNats(config: NatsConfig, options: RealBrokerOptions): Promise<RealBroker> {
  const writeDeadlineWall = options.clock.toWall(config.writeDeadline);
  const limit = `max_pending ${config.maxPending} bytes, write_deadline ${Math.round(writeDeadlineWall)} ms`;
  const stats = new StatsBook();
  let server: ServerProcess | undefined;
  let address: Endpoint;
  let monitor: string | undefined = config.monitor;
  if (config.address) {
    const [host = '127.0.0.1', port = '4222'] = config.address.split(':');
    address = { host, port: Number(port) };
  } else {
    const onLine = (line: string): void => {
      const m = SLOW_LINE.exec(line);
      if (m?.[1]) stats.cut(m[1], options.clock.now(), `slow consumer: ${m[2] ?? ''}`.trim());
    };
    const [port, monitorPort] = [await freePort(), await freePort()];
    server = await ServerProcess.start({
      program: options.program ?? '/usr/sbin/nats-server',
      args: ['-c', '{dir}/nats.conf'],
      files: { 'nats.conf': natsConfig(port, monitorPort, config.maxPending, writeDeadlineWall) },
      ready: /Server is ready/,
      onLine,
    });
    address = { host: '127.0.0.1', port };
    monitor = `http://127.0.0.1:${monitorPort}`;
  }
  const clients = new Set<NatsConnection>();
  const servers = (at: Endpoint): string => `${at.host}:${at.port}`;

  return {
    kind: 'nats',
    address,
    limit,
    stats,
    async connectPublisher(name: string): Promise<PublishClient> {
      const nc = await connect({ servers: servers(address), name, reconnect: false });
      clients.add(nc);
      return { publish: (topic, message) => nc.publish(topic, message), unanswered: 0, flush: () => nc.flush(), close: () => close(nc) };
    },
    async connectSubscriber(o: SubscribeOptions): Promise<SubscribeClient> {
      // No client pings: a dead link is for the server's policy to find, not the client's.
      const nc = await connect({ servers: servers(o.at), name: o.name, reconnect: false, pingInterval: 24 * 3_600_000 });
      clients.add(nc);
      let closed = false;
      void nc.closed().then((err) => {
        closed = true;
        o.onClosed(err ? err.message : 'connection closed');
      });
      for (const topic of o.topics) nc.subscribe(topic, { callback: (err, msg) => err || o.onMessage(msg.data) });
      await nc.flush();
      return {
        get closed() {
          return closed;
        },
        close: () => close(nc),
      };
    },
    async poll(): Promise<void> {
      if (server) stats.rss = server.rss();
      if (!monitor) return;
      const get = async (path: string): Promise<unknown> => {
        const r = await fetch(`${monitor}${path}`, { signal: AbortSignal.timeout(2000) });
        return r.json();
      };
      try {
        const open = (await get('/connz?state=open&limit=1024')) as Connz;
        stats.buffered = new Map((open.connections ?? []).filter((c) => c.name).map((c) => [c.name as string, c.pending_bytes ?? 0]));
        const closed = (await get('/connz?state=closed&limit=1024')) as Connz;
        for (const c of closed.connections ?? []) {
          if (c.name && c.reason?.startsWith('Slow Consumer')) stats.cut(c.name, c.stop ? options.clock.now() - options.clock.toScenario(Date.now() - Date.parse(c.stop)) : options.clock.now(), c.reason);
        }
        if (!server) stats.rss = ((await get('/varz')) as { mem?: number }).mem;
      } catch {
        // The endpoint did not answer this time: the last figures stand.
      }
    },
    async stop(): Promise<void> {
      await Promise.allSettled([...clients].map((c) => close(c)));
      await server?.stop();
    },
  };
}

async function close(nc: NatsConnection): Promise<void> {
  if (nc.isClosed()) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([nc.close().catch(() => undefined), new Promise((r) => (timer = setTimeout(r, CLOSE_WAIT_MS)))]);
  clearTimeout(timer);
}
