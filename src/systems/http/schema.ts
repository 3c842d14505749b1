import { z } from 'zod';
import { duration, rate } from '../../core/fields.js';
import { MAX_RATE_PER_SECOND, TIMER_MAX_WALL_MS } from '../../core/limits.js';
import type { ArrivalRate, HttpRequestSpec } from './load-options.js';

const METHOD = /^[A-Za-z]+$/;
/** A header name: an HTTP token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const requestSchema = z
  .strictObject({
    method: z.string().regex(METHOD, { error: 'expected an HTTP method such as GET or POST' }).default('GET').describe('The HTTP method.'),
    path: z.string().startsWith('/', { error: 'expected a path starting with /, e.g. /api/items?page=1' }).default('/').describe('Path and query, relative to the target.'),
    headers: z
      .record(z.string().regex(HEADER_NAME, { error: 'expected a header name (letters, digits and -)' }), z.string().regex(/^[^\r\n]*$/, { error: 'expected a header value without line breaks' }))
      .default(() => ({}))
      .describe('Request headers, sent as given.'),
    body: z.string().optional().describe('The request body, sent as is (Content-Length is added).'),
  })
  .describe('One request.');

const stageSchema = z.strictObject({
  duration: duration({ positive: true }).describe('How long the rate takes to move to `target`.'),
  target: rate({ max: MAX_RATE_PER_SECOND, what: 'per cell' }).describe('The arrival rate at the end of the stage, e.g. 2000/s.'),
});

/**
 * `system: { kind: http }`: an HTTP load on a target, as `duress load` makes it, under the scenario's
 * faults, matrix, thresholds and reports. Where the load goes: `target` (a URL outside duress) or, without
 * it, the cell's built-in target (`sink: { kind: http-target }`). How fast: the open model at a constant
 * `rate` or in `stages` (k6's constant- and ramping-arrival-rate), or without either the closed model of
 * `connections` (autocannon). The rate and the connections are the cell's, shared by its instances: each
 * instance is one load generator (a worker thread) sending every n-th request of the schedule.
 */
export const httpSchema = z
  .strictObject({
    kind: z.literal('http').describe('An HTTP load test of a target service.'),
    target: z
      .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL, e.g. http://127.0.0.1:8080' })
      .optional()
      .describe('The service to load, e.g. http://127.0.0.1:8080. Absent: the cell\'s built-in target (sink: { kind: http-target }).'),
    rate: rate({ positive: true, max: MAX_RATE_PER_SECOND, what: 'per cell' }).optional().describe('Open model: requests per second for the whole run, over the cell (wrk2, k6 constant-arrival-rate).'),
    startRate: rate({ max: MAX_RATE_PER_SECOND, what: 'per cell' }).optional().describe('With `stages`: the arrival rate at the start (default 0/s).'),
    stages: z
      .array(stageSchema)
      .min(1)
      .optional()
      .describe('Open model with a ramping arrival rate (k6 ramping-arrival-rate): each stage moves the rate linearly to its target; after the last, the rate holds.'),
    connections: z.int().min(1).max(10_000).default(10).describe('TCP connections of the cell (split over its instances). The closed model keeps each busy.'),
    pipelining: z.int().min(1).max(1000).default(1).describe('Requests in flight per connection (HTTP/1.1 pipelining); 1 = none.'),
    request: requestSchema.optional().describe('The request sent every time (a template). Default: GET /.'),
    requests: z.array(requestSchema).min(1).optional().describe('A list of requests sent in turn, round and round (a recorded session).'),
    timeout: duration({ positive: true }).prefault('30s').describe('How long a request may wait for its response headers, and then between body chunks.'),
    insecure: z.boolean().default(false).describe('https: accept any certificate (a self-signed test server).'),
    ca: z.string().optional().describe('https: a CA certificate (PEM text) the target\'s certificate must chain to.'),
  })
  .superRefine((c, ctx) => {
    if (c.rate !== undefined && c.stages !== undefined) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'expected rate (a constant rate) or stages (a ramping one), not both', input: c.stages });
    if (c.startRate !== undefined && c.stages === undefined) ctx.addIssue({ code: 'custom', path: ['startRate'], message: 'startRate is the start of stages: give stages too, or use rate', input: c.startRate });
    if (c.request !== undefined && c.requests !== undefined) ctx.addIssue({ code: 'custom', path: ['requests'], message: 'expected request (a template) or requests (a list), not both', input: c.requests });
    const stagesMs = (c.stages ?? []).reduce((n, s) => n + s.duration, 0);
    if (stagesMs >= TIMER_MAX_WALL_MS) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'expected stages shorter than 24 days together', input: c.stages });
  });

export type HttpConfig = z.output<typeof httpSchema>;

/** The requests of a config, in order; the target's Host is sent, since the load reaches it through a proxy route. */
export function configRequests(c: HttpConfig): HttpRequestSpec[] {
  const host = c.target === undefined ? undefined : new URL(c.target).host;
  return (c.requests ?? [c.request ?? { method: 'GET', path: '/', headers: {} }]).map((r) => ({
    method: r.method,
    path: r.path,
    headers: host !== undefined && !Object.keys(r.headers).some((k) => k.toLowerCase() === 'host') ? { host, ...r.headers } : r.headers,
    ...(r.body !== undefined ? { body: r.body } : {}),
  }));
}

/**
 * The open model's arrival rate of a config, or undefined for the closed model. The run has no set end
 * here (the scenario's duration ends it, by stopping the input): the last rate holds for as long as a
 * timer can wait.
 */
export function configArrival(c: HttpConfig): ArrivalRate | undefined {
  if (c.rate === undefined && c.stages === undefined) return undefined;
  const stages = c.stages?.map((s) => ({ target: s.target, durationMs: s.duration })) ?? [];
  const start = c.rate ?? c.startRate ?? 0;
  const last = stages.at(-1)?.target ?? start;
  const used = stages.reduce((n, s) => n + s.durationMs, 0);
  return { startRate: start, stages: [...stages, { target: last, durationMs: TIMER_MAX_WALL_MS - 1 - used }] };
}
