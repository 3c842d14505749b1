import { z } from 'zod';
import { duration, size } from '../../../core/fields.js';

/**
 * `system.server` of a broker: the in-process broker (its policy is `system.inbox`), or a real broker
 * server (Debian's redis-server, nats-server, mosquitto) that duress starts per instance, bound to
 * 127.0.0.1 on a free port with a config rendered from these fields, or reaches at `address`. Each real
 * server has one policy for a subscriber that cannot keep up, tuned by the limits below (domain.md §4).
 * Durations are scenario time: the config a server gets is scaled by the clock (`softFor: 60s` at speed 3
 * is 20 s of the server's own time), so a real server and the in-process broker see the same scenario.
 */

const address = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, { error: 'expected host:port, such as 127.0.0.1:6379' })
  .optional()
  .describe('A server already running (host:port): duress starts none, and the limits here are not applied (the server\'s own are).');

const inProcessServer = z.strictObject({ kind: z.literal('in-process') }).describe("duress's own broker; its policy is `system.inbox`.");

const redisServer = z
  .strictObject({
    kind: z.literal('redis'),
    outputBufferLimit: z
      .strictObject({
        hard: size().prefault('32MB').describe('A subscriber whose output buffer reaches this is disconnected at once (0: no hard limit).'),
        soft: size().prefault('8MB').describe('A subscriber whose output buffer stays over this for `softFor` is disconnected (0: no soft limit).'),
        softFor: duration().prefault('60s').describe('How long the soft limit may be exceeded continuously (whole seconds of the server\'s time, at least 1 s).'),
      })
      .prefault({})
      .describe("`client-output-buffer-limit pubsub <hard> <soft> <softFor>`: Redis's default is 32mb 8mb 60."),
    address,
  })
  .describe('redis-server: a subscriber over its output-buffer limits is disconnected.');

const natsServer = z
  .strictObject({
    kind: z.literal('nats'),
    maxPending: size({ positive: true }).prefault('64MB').describe('`max_pending`: bytes pending to one client beyond which it is a slow consumer and closed (default 64MB).'),
    writeDeadline: duration({ positive: true }).prefault('10s').describe('`write_deadline`: a write to a client blocked this long makes it a slow consumer, closed (default 10s).'),
    address,
    monitor: z.url().optional().describe('With `address`: the server\'s monitoring endpoint (http://host:8222), for /connz and /varz.'),
  })
  .describe('nats-server: a slow consumer is marked and disconnected.');

const mosquittoServer = z
  .strictObject({
    kind: z.literal('mosquitto'),
    maxQueuedMessages: z.int().min(0).default(1000).describe('`max_queued_messages`: messages queued per client beyond those in flight; past it QoS 0 messages are dropped (default 1000, 0: no limit).'),
    maxQueuedBytes: size().prefault(0).describe('`max_queued_bytes`: bytes queued per client (0: no limit, the default).'),
    address,
  })
  .describe('mosquitto (MQTT, QoS 0): messages past a client\'s queue limit are dropped.');

export const brokerServerSchema = z
  .discriminatedUnion('kind', [inProcessServer, redisServer, natsServer, mosquittoServer])
  .prefault({ kind: 'in-process' })
  .describe('Which broker runs: duress\'s own (`in-process`, its policy is `inbox`), or a real server started per instance: `redis`, `nats`, `mosquitto`.');

export type BrokerServerConfig = z.output<typeof brokerServerSchema>;
/** A real broker server's config (every `server` but the in-process one). */
export type RealServerConfig = Exclude<BrokerServerConfig, { kind: 'in-process' }>;
