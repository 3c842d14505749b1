import { z } from 'zod';
import { duration, rate, size } from '../../core/fields.js';
import { MAX_CLIENTS, MAX_RATE_PER_SECOND, MAX_RECORD_BYTES } from '../../core/limits.js';
import { brokerServerSchema } from './servers/server-schema.js';

function clientCount(min: number, what: string) {
  return z
    .int()
    .min(min)
    .max(MAX_CLIENTS, { error: (iss) => `expected at most ${MAX_CLIENTS} ${what}, got ${String(iss.input)}` });
}

/**
 * `system: { kind: broker }`: the in-process pub/sub broker, its clients and its inbox policy. Sizes are
 * 1024-based like every size in a scenario; durations are scenario time.
 */

function sizeLimit(what: string) {
  return z
    .strictObject({
      messages: z.int().min(1).optional().describe(`Messages ${what}.`),
      bytes: size({ positive: true }).optional().describe(`Bytes ${what} (whole frames): 256KB, 4MB.`),
    })
    .refine((l) => l.messages !== undefined || l.bytes !== undefined, { error: 'expected a limit in messages, bytes, or both' });
}

const blockInbox = z
  .strictObject({
    kind: z.literal('block'),
    limit: sizeLimit('queued for one subscriber before the broker stops reading from every publisher').prefault({ messages: 1024 }),
  })
  .describe('Naive fan-out: while any subscriber\'s inbox is at its limit, publishers are held back. Nothing is lost; everyone goes at the pace of the slowest.');

const dropNewestInbox = z
  .strictObject({
    kind: z.literal('drop-newest'),
    limit: sizeLimit('queued for one subscriber; what arrives beyond is dropped').prefault({ messages: 1024 }),
  })
  .describe('New messages are dropped while a subscriber\'s inbox is full (nats.go pending limits); every drop is counted.');

const disconnectInbox = z
  .strictObject({
    kind: z.literal('disconnect'),
    hard: sizeLimit('queued for one subscriber at which it is cut off at once').optional(),
    soft: sizeLimit('queued for one subscriber that it may exceed for `softFor`').optional(),
    softFor: duration().prefault(0).describe('How long the soft limit may be exceeded continuously before the cut-off.'),
  })
  .superRefine((i, ctx) => {
    if (i.hard === undefined && i.soft === undefined) ctx.addIssue({ code: 'custom', path: ['hard'], message: 'the disconnect policy needs a hard limit, a soft limit, or both', input: i });
  })
  .describe("Redis's client-output-buffer-limit: a subscriber is cut off past `hard`, or past `soft` for `softFor`.");

const elasticInbox = z
  .strictObject({
    kind: z.literal('elastic'),
    limit: sizeLimit('the batch of one subscriber may grow to before it is cut off').optional(),
    lag: duration({ positive: true }).describe('A subscriber whose oldest waiting message is older than this is cut off.'),
  })
  .describe('A batching inbox that grows on demand (seeds/003): cut off when lagging more than `lag`, or past `limit`.');

const unboundedInbox = z.strictObject({ kind: z.literal('unbounded') }).describe('Keeps everything: memory grows without bound behind a slow or dead subscriber.');

const inboxSchema = z
  .discriminatedUnion('kind', [blockInbox, dropNewestInbox, disconnectInbox, elasticInbox, unboundedInbox])
  .describe('What the broker does with a subscriber that cannot keep up, chosen by `kind` (domain.md §4).');

export const brokerSchema = z
  .strictObject({
    kind: z.literal('broker').describe('The in-process pub/sub broker: publishers, subscribers, one proxy route per subscriber.'),
    publishers: clientCount(0, 'publishers').default(1).describe('Clients that only publish.'),
    subscribers: clientCount(0, 'subscribers').default(3).describe('Clients that only subscribe; their links are subscriber-0, subscriber-1, …'),
    peers: clientCount(0, 'peers').default(0).describe('Clients that publish and subscribe over one connection (links peer-0, …); with syncAck, the ones that can lock up.'),
    topics: clientCount(1, 'topics').default(1).describe('Topics t0 … t<n-1>; publisher i publishes to topic i mod n; every subscriber subscribes to all.'),
    rate: rate({ positive: true, max: MAX_RATE_PER_SECOND, what: 'per publisher' }).describe('Messages per second, per publisher (and per peer): 500/s.'),
    payloadSize: size({ positive: true, max: MAX_RECORD_BYTES, what: 'per message' }).prefault('200B').describe('Payload bytes per message.'),
    server: brokerServerSchema,
    inbox: inboxSchema.prefault({ kind: 'block' }),
    syncAck: z
      .strictObject({ slots: z.int().min(1).describe('Messages one connection endpoint may hold unacknowledged, per direction (libchirp: 1 when synchronous).') })
      .optional()
      .describe('Synchronous acknowledgements with a bounded slot pool per connection (seeds/001). Absent: off.'),
    creditWindow: size({ positive: true }).prefault('64KB').describe('Credit window of each subscribing client: the stand-in for its socket buffers.'),
    writeHighWater: size({ positive: true }).prefault('64KB').describe('Bytes buffered in a subscriber\'s socket before its inbox starts to hold messages.'),
  })
  .superRefine((b, ctx) => {
    if (typeof b.publishers !== 'number' || typeof b.peers !== 'number' || typeof b.subscribers !== 'number') return;
    if (b.publishers + b.peers === 0) ctx.addIssue({ code: 'custom', path: ['publishers'], message: 'expected at least one publisher or peer', input: b.publishers });
    if (b.subscribers + b.peers === 0) ctx.addIssue({ code: 'custom', path: ['subscribers'], message: 'expected at least one subscriber or peer', input: b.subscribers });
    const server = (b.server as { kind?: unknown } | undefined)?.kind;
    if (typeof server === 'string' && server !== 'in-process') {
      // A real server's clients only publish or only subscribe; sync acks are the in-process protocol's.
      if (b.peers > 0) ctx.addIssue({ code: 'custom', path: ['peers'], message: `expected no peers with server ${server} (its clients publish or subscribe)`, input: b.peers });
      if (b.syncAck !== undefined) ctx.addIssue({ code: 'custom', path: ['syncAck'], message: `expected no syncAck with server ${server} (sync acks are the in-process broker's protocol)`, input: b.syncAck });
    }
  });
