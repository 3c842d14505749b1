import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Clock } from '../../core/clock.js';
import type { DeliveredListener, Sink, SinkEndpoint } from '../sink.js';
import type { SinkFaultSpec } from '../shared/fault-types.js';
import { HttpListener } from '../shared/http-listener.js';
import { readBody, RequestBudget } from '../shared/request-budget.js';
import { SinkFaultSet, type SinkFaults } from '../shared/sink-faults.js';
import { TokenBucket } from '../shared/token-bucket.js';
import { decodeBody, MalformedBody } from './body.js';
import { createHttpCounters, type HttpOutcome, type HttpSinkCounters } from './counters.js';
import type { HttpSinkConfig } from './schema.js';

/** The HTTP sink's configuration: the scenario's `sink` section, and where to listen. */
export interface HttpSinkOptions extends HttpSinkConfig {
  host?: string;
  port?: number;
  /** With `tls`: DNS names the certificate covers besides localhost, 127.0.0.1 and ::1 (`*.x` allowed). */
  tlsNames?: readonly string[];
  /** With `tls`: where to write the CA (default: a temporary folder, removed at stop). */
  caFile?: string;
}

export interface HttpSink extends Sink<SinkFaultSpec> {
  readonly counters: HttpSinkCounters;
  readonly faults: SinkFaults;
}

/** The operation a record-carrying request is, for the shared sink faults (throttle, discard, duplicate act on it). */
const RECORD_OP = 'POST';

/**
 * `sink: { kind: http }`: a generic HTTP endpoint on a real HTTP or HTTPS server that takes records in
 * POST (or PUT) bodies: NDJSON, a JSON array, newline text, compressed or not (body.ts). Every record found
 * in a body that was read is handed to the engine's accounting; the answer is the configured status, or
 * what a fault or the throttle decides. A body that cannot be read is answered 400 with the reason, and
 * counted. The channel of a request (an instance's, so faults can be scoped) is the first segment of its
 * path: an instance posts to `<sink url>/<channel>`.
 */
export function createHttpSink(config: HttpSinkOptions, clock: Clock): HttpSink {
  return new HttpSinkServer(config, clock);
}

class HttpSinkServer implements HttpSink {
  readonly counters = createHttpCounters();
  readonly faults: SinkFaultSet;
  readonly #config: HttpSinkOptions;
  readonly #clock: Clock;
  readonly #listener: HttpListener;
  readonly #budget: RequestBudget;
  readonly #listeners = new Set<DeliveredListener>();
  readonly #buckets = new Map<string, TokenBucket>();
  #warnedListener = false;

  constructor(config: HttpSinkOptions, clock: Clock) {
    this.#config = config;
    this.#clock = clock;
    this.#budget = new RequestBudget(config.requestBudget);
    this.counters.requestBudget = this.#budget.counters;
    this.#listener = new HttpListener(
      {
        who: 'the HTTP sink',
        ...(config.host === undefined ? {} : { host: config.host }),
        ...(config.port === undefined ? {} : { port: config.port }),
        tls: config.tls,
        ...(config.tlsNames === undefined ? {} : { tlsNames: config.tlsNames }),
        ...(config.caFile === undefined ? {} : { caFile: config.caFile }),
        counters: this.counters.connections,
        badRequest: (err) => {
          this.#count('malformed', 400);
          return rawAnswer(400, 'Bad Request', { error: `malformed HTTP request (${err.code ?? err.message})` });
        },
      },
      clock,
      this.#onRequest,
    );
    this.faults = new SinkFaultSet(clock, () => this.#applyIdleTimeout(), RECORD_OP);
    this.#applyIdleTimeout();
  }

  start(): Promise<SinkEndpoint> {
    return this.#listener.start();
  }

  async stop(): Promise<void> {
    this.faults.stop();
    await this.#listener.stop();
  }

  onDelivered(listener: DeliveredListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  report(): Record<string, unknown> {
    return structuredClone(this.counters) as unknown as Record<string, unknown>;
  }

  #applyIdleTimeout(): void {
    const override = this.faults.idleOverride();
    this.#listener.setIdleTimeout(override ?? (this.#config.idleTimeout > 0 ? this.#config.idleTimeout : undefined));
  }

  #onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'POST' && req.method !== 'PUT') {
      res.shouldKeepAlive = false;
      this.#answer(res, 'methodNotAllowed', 405, { error: `${req.method ?? '?'} is not supported; send records with POST or PUT` }, 0, { Allow: 'POST, PUT' });
      req.resume();
      return;
    }
    const max = this.#config.maxBody;
    const length = req.headers['content-length'];
    const declared = length === undefined ? undefined : Number(length);
    if (declared !== undefined && declared > max) {
      // Refused before a byte of the body is read; the connection closes after the answer.
      res.shouldKeepAlive = false;
      this.#answer(res, 'tooLarge', 413, { error: `the body is ${declared} bytes; at most ${max} are taken` }, 0);
      return;
    }
    void readBody(req, this.#budget, max, declared).then(async (body) => {
      if (body.kind === 'aborted') return;
      if (body.kind === 'too-large') {
        this.#answer(res, 'tooLarge', 413, { error: `the body is more than ${max} bytes` }, 0);
        return;
      }
      const receivedAt = this.#clock.now();
      try {
        await this.#handle(req, res, body.raw, receivedAt);
      } catch (err) {
        if (err instanceof MalformedBody) {
          this.counters.lastMalformed = err.message;
          this.#answer(res, 'malformed', 400, { error: err.message }, this.#config.latency);
        } else this.#answer(res, 'internalError', 500, { error: 'the sink failed to handle the request' }, 0);
      }
    });
  };

  async #handle(req: IncomingMessage, res: ServerResponse, raw: Buffer, receivedAt: number): Promise<void> {
    const channel = channelOf(req.url);
    const encoding = req.headers['content-encoding'];
    const decoded = await decodeBody(raw, encoding, this.#config.format, this.#config.maxBody);
    if (encoding !== undefined && encoding !== 'identity') this.counters.compressed += 1;
    const delay = this.#config.latency + this.faults.extraLatency(RECORD_OP, channel);
    const fault = this.faults.size === 0 ? undefined : this.faults.requestFault(RECORD_OP, channel);
    const ok = { accepted: decoded.items };
    switch (fault?.kind) {
      case 'error':
        this.#answer(res, 'serverError', fault.status, { error: 'injected server error' }, delay);
        return;
      case 'throttle':
        this.#throttled(res, delay);
        return;
      case 'drop-connection':
        if (fault.afterStore === true) this.#deliver(decoded.messages, decoded.items, decoded.bytes, receivedAt);
        this.counters.requests.dropped += 1;
        this.#listener.after(delay, () => this.#listener.drop(res, `HTTP/1.1 ${this.#config.status} OK\r\nContent-Type: application/json\r\n`));
        return;
    }
    if (this.#config.rate > 0 && !this.#bucket(channel).take(receivedAt)) {
      this.#throttled(res, delay);
      return;
    }
    const fate = this.faults.size === 0 ? undefined : this.faults.batchFault(channel);
    if (fate === 'discard') {
      this.#answer(res, 'discarded', this.#config.status, ok, delay);
      return;
    }
    this.#deliver(decoded.messages, decoded.items, decoded.bytes, receivedAt);
    if (fate === 'duplicate') this.#answer(res, 'duplicated', 500, { error: 'injected server error after the records were taken' }, delay);
    else this.#answer(res, 'ok', this.#config.status, ok, delay);
  }

  #throttled(res: ServerResponse, delay: number): void {
    this.#answer(res, 'throttled', this.#config.throttleStatus, { error: 'rate exceeded' }, delay, { 'Retry-After': '1' });
  }

  #bucket(channel: string): TokenBucket {
    let bucket = this.#buckets.get(channel);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.#config.rate, this.#config.burst, this.#clock.now());
      this.#buckets.set(channel, bucket);
    }
    return bucket;
  }

  #deliver(messages: string[], items: number, bytes: number, receivedAt: number): void {
    this.counters.items += items;
    this.counters.messages += messages.length;
    this.counters.bytes += bytes;
    if (messages.length === 0) return;
    const records = messages.map((message) => ({ message }));
    for (const listener of this.#listeners) {
      try {
        listener(records, receivedAt);
      } catch (err) {
        // A listener's bug must not change what the client is answered; counted, and reported once.
        this.counters.listenerErrors += 1;
        if (!this.#warnedListener) {
          this.#warnedListener = true;
          process.emitWarning(`an HTTP sink onDelivered listener threw: ${(err as Error).stack ?? String(err)}`);
        }
      }
    }
  }

  #count(outcome: HttpOutcome, status: number): void {
    this.counters.requests[outcome] += 1;
    this.counters.statuses[status] = (this.counters.statuses[status] ?? 0) + 1;
  }

  #answer(res: ServerResponse, outcome: HttpOutcome, status: number, body: object, delay: number, headers: OutgoingHttpHeaders = {}): void {
    this.#count(outcome, status);
    this.#listener.after(delay, () => {
      if (res.destroyed || res.writableEnded) return;
      const text = status === 204 || status === 304 ? '' : JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
      res.end(text);
    });
  }
}

/** The first segment of a request path (`/i3/x?y` → `i3`), decoded; '' for `/`. */
export function channelOf(url: string | undefined): string {
  const path = (url ?? '/').split('?', 1)[0] ?? '/';
  const segment = path.split('/').find((s) => s !== '') ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A whole response for a connection that is closed after it (bytes that were not HTTP). */
function rawAnswer(status: number, reason: string, body: object): string {
  const text = JSON.stringify(body);
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`;
}
