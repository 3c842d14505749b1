import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { duration, size } from '../../core/fields.js';
import type { DeliveredListener, Sink, SinkEndpoint, SinkFaultControl, SinkKind } from '../sink.js';

/** Bodies up to this size; a target answering more is a bandwidth test, better done against a real service. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const httpTargetSchema = z.strictObject({
  kind: z.literal('http-target').describe('A built-in HTTP target for `system: { kind: http }` with no target URL: it answers every request alike.'),
  status: z.int().min(200).max(599).default(200).describe('The status of every answer.'),
  body: size({ max: MAX_BODY_BYTES, what: 'per answer' }).prefault('64B').describe('Bytes of body in every answer.'),
  delay: duration().prefault(0).describe('How long each answer waits before it is sent (a service with that much work per request).'),
});

export type HttpTargetConfig = z.output<typeof httpTargetSchema>;

/**
 * The built-in target: an HTTP/1.1 server on 127.0.0.1 that answers every request, whatever its method and
 * path, with `status` and `body` bytes after `delay`, keeping connections alive. It carries no records, so
 * it delivers none; it has no faults of its own (toxics on the `target` link act on the route to it).
 * Its counters: requests answered and body bytes sent.
 */
export class HttpTargetSink implements Sink<never> {
  readonly #config: HttpTargetConfig;
  readonly #clock: Clock;
  readonly #body: Buffer;
  readonly #server: http.Server;
  #requests = 0;

  constructor(config: HttpTargetConfig, clock: Clock) {
    this.#config = config;
    this.#clock = clock;
    this.#body = Buffer.alloc(config.body, 'x');
    this.#server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
      req.resume();
      const answer = (): void => {
        this.#requests += 1;
        res.writeHead(this.#config.status, { 'content-type': 'text/plain', 'content-length': this.#body.length });
        res.end(this.#body);
      };
      if (this.#config.delay > 0) this.#clock.setTimeout(answer, this.#config.delay);
      else answer();
    });
  }

  async start(): Promise<SinkEndpoint> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    const { port } = this.#server.address() as AddressInfo;
    return { host: '127.0.0.1', port, url: `http://127.0.0.1:${port}` };
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close').catch(() => undefined);
  }

  onDelivered(_listener: DeliveredListener): () => void {
    return () => undefined;
  }

  readonly faults: SinkFaultControl<never> = {
    add: () => {
      throw new RangeError('the http-target sink has no faults of its own: use a toxic on the target link');
    },
    remove: () => false,
  };

  report(): Record<string, unknown> {
    return { requests: this.#requests, bodyBytesSent: this.#requests * this.#body.length };
  }
}

/** `sink: { kind: http-target }`: the cell's own target for an HTTP load with no target URL. */
export const httpTargetSinkKind: SinkKind<HttpTargetConfig> = {
  name: 'http-target',
  schema: httpTargetSchema,
  create: (config, options) => new HttpTargetSink(config, options.clock),
  scaledDurations: (config) => [{ path: 'sink.delay', ms: config.delay }],
};
