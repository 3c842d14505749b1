import { z } from 'zod';
import { duration, flag, rate, size } from '../../core/fields.js';
import { BODY_FORMATS, type BodyFormat } from './body.js';

/** `sink: { kind: http }`, with every default applied. */
export interface HttpSinkConfig {
  kind: 'http';
  /** How a body is split into items (body.ts). */
  format: BodyFormat;
  /** The status a body that was read is answered with (200, 202, 204 …). */
  status: number;
  /** Added service time per request (scenario ms). */
  latency: number;
  /** Requests per second each channel may send (a token bucket); 0: no limit. Over it: `throttleStatus`. */
  rate: number;
  burst: number;
  /** The status of a throttled request (the `rate` limit and the sink-throttle fault), with `Retry-After: 1`. */
  throttleStatus: number;
  /** Idle keep-alive connections are closed after this (scenario ms); 0 never. */
  idleTimeout: number;
  /** Serve HTTPS with a certificate made at start (its CA in SinkEndpoint.ca and .caFile). */
  tls: boolean;
  /** Largest body, compressed and decompressed alike; larger is answered 413. */
  maxBody: number;
  /** Request bytes held at once across all connections; requests beyond it wait unread. */
  requestBudget: number;
}

const statusCode = (what: string) => z.int().min(100).max(599).describe(what);

export const httpSinkSchema = z.strictObject({
  kind: z.literal('http').describe('A generic HTTP endpoint that takes records in POST (or PUT) bodies: NDJSON, a JSON array or newline text, optionally compressed.'),
  format: z.enum(BODY_FORMATS).default('auto').describe('How a body is split: ndjson (a JSON value per line), json (an array, each element a record, or one object), lines (newline text), auto (by the first byte: [ json, { ndjson, else lines). A body that does not parse is answered 400 and counted.'),
  status: statusCode('The status a body that was read is answered with.').default(200),
  latency: duration().prefault(0).describe('Service time added to each request.'),
  rate: rate().prefault(0).describe('Requests per second each channel (request path) may send; 0: no limit. Over it, requests are answered throttleStatus.'),
  burst: z.int().min(1).default(5).describe('Token-bucket burst for `rate`.'),
  throttleStatus: statusCode('The status of a throttled request (over `rate`, or under sink-throttle), sent with Retry-After: 1.').default(429),
  idleTimeout: duration().prefault('5s').describe('Idle keep-alive connections are closed after this (Node’s default, 5s); 0 never.'),
  tls: flag().prefault(false).describe('Serve HTTPS with a certificate made at start; its CA is handed to the instances (as PEM and as a file).'),
  maxBody: size({ positive: true }).prefault('8MB').describe('Largest request body: a larger one is answered 413; one that decompresses to more, 400.'),
  requestBudget: size({ positive: true }).prefault('64MB').describe('Request bytes the sink holds at once across all connections; a request that does not fit waits unread (TCP backpressure).'),
}) satisfies z.ZodType<HttpSinkConfig, unknown>;
