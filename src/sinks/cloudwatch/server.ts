import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Clock } from '../../core/clock.js';
import type { DeliveredListener, Sink } from '../sink.js';
import type { CloudWatchSinkConfig } from './config.js';
import { ApiError, internalFailure, serialization, serviceUnavailable, THROTTLED, tooLarge, unknownOperation } from './api-errors.js';
import { errorAnswer, type Answer } from './answer.js';
import { HttpListener } from '../shared/http-listener.js';
import { createLogGroup, createLogStream, deleteRetentionPolicy, describeLogGroups, describeLogStreams, putRetentionPolicy } from './control-plane.js';
import { createCounters, type SinkCounters } from './counters.js';
import { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_REQUEST_BUDGET, defaultMaxEventSize } from './limits.js';
import { LogStore, type StreamInfo } from './log-store.js';
import { operationOf, type CloudWatchOp } from './operations.js';
import { putLogEvents } from './put-log-events.js';
import { filterLogEvents, getLogEvents } from './read-events.js';
import { readBody, RequestBudget } from '../shared/request-budget.js';
import { parseBody, type JsonObject } from './request-body.js';
import type { SinkFaultSpec } from '../shared/fault-types.js';
import { SinkFaultSet, type SinkFaults } from '../shared/sink-faults.js';
import type { AcceptedBatch, SinkState } from './sink-state.js';

/** Fields of the scenario's `sink` section that a caller may leave out (their defaults are in limits.ts; no TLS, no events kept). */
type DefaultedFields = 'maxEventSize' | 'tls' | 'keepEvents' | 'requestBudget';

/** The sink's configuration: the scenario's `sink` section plus where to listen. */
export interface CloudWatchSinkOptions extends Omit<CloudWatchSinkConfig, DefaultedFields>, Partial<Pick<CloudWatchSinkConfig, DefaultedFields>> {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port (see the address `start` resolves with). */
  port?: number;
  /** Larger request bodies are answered 413 RequestEntityTooLargeException (default 8 MiB, limits.ts). */
  maxBodyBytes?: number;
  /** With `tls`: DNS names the certificate covers besides localhost, 127.0.0.1 and ::1 (`*.x` allowed). */
  tlsNames?: readonly string[];
  /** With `tls`: where to write the CA certificate (PEM) at start, for clients that read a CA file (default: a temporary folder, removed at stop). */
  caFile?: string;
}

export interface SinkAddress {
  host: string;
  port: number;
  /** `http://host:port`, or `https://host:port` with TLS: the endpoint to give a CloudWatch Logs client. */
  url: string;
  /** With TLS: the CA certificate (PEM) that signed the sink's certificate, for the client to trust. */
  ca?: string;
  /** With TLS: the file holding `ca` (the `caFile` option, or one in a temporary folder removed at stop). */
  caFile?: string;
}

/**
 * A mock CloudWatch Logs service on a real HTTP or HTTPS server (domain.md §3): the JSON 1.1 API, its errors,
 * sequence tokens (enforced as before 2023, or ignored as now), the per-stream quota, batch and event limits,
 * retention, reads of what arrived (within `keepEvents`), idle keep-alive closes, a byte budget across
 * requests, and programmatic faults. Every stored batch goes to the `onAccepted` listeners, in order.
 */
export interface CloudWatchSink extends Sink<SinkFaultSpec> {
  start(): Promise<SinkAddress>;
  /** Closes the listener and every connection at once, cancels pending answers and ends all faults. */
  stop(): Promise<void>;
  /** Called once per stored batch, in the order stored. Returns an unsubscribe function. */
  onAccepted(listener: (batch: AcceptedBatch) => void): () => void;
  /** Live counters (a plain object updated in place). */
  readonly counters: SinkCounters;
  readonly faults: SinkFaults;
  /** Every stream with what it stored, for tests and reports. */
  streams(): StreamInfo[];
}

const CONTENT_TYPE = 'application/x-amz-json-1.1';

type Handler = (body: JsonObject, sink: SinkState, now: number) => Answer;
const HANDLERS: Record<CloudWatchOp, Handler> = {
  CreateLogGroup: createLogGroup,
  CreateLogStream: createLogStream,
  PutLogEvents: putLogEvents,
  DescribeLogGroups: describeLogGroups,
  DescribeLogStreams: describeLogStreams,
  PutRetentionPolicy: putRetentionPolicy,
  DeleteRetentionPolicy: deleteRetentionPolicy,
  GetLogEvents: getLogEvents,
  FilterLogEvents: filterLogEvents,
};

export function createCloudWatchSink(config: CloudWatchSinkOptions, clock: Clock): CloudWatchSink {
  return new CloudWatchSinkServer(config, clock);
}

class CloudWatchSinkServer implements CloudWatchSink, SinkState {
  readonly counters: SinkCounters = createCounters();
  readonly faults: SinkFaultSet;
  readonly store: LogStore;
  readonly sequenceTokens: boolean;
  readonly maxEventBytes: number;
  readonly #config: CloudWatchSinkOptions;
  readonly #clock: Clock;
  readonly #maxBody: number;
  readonly #budget: RequestBudget;
  readonly #listener: HttpListener;
  readonly #listeners: ((batch: AcceptedBatch) => void)[] = [];
  #keepAliveHeader: string | undefined;
  #warnedListener = false;

  constructor(config: CloudWatchSinkOptions, clock: Clock) {
    this.#config = config;
    this.#clock = clock;
    this.#maxBody = config.maxBodyBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.#budget = new RequestBudget(config.requestBudget ?? DEFAULT_REQUEST_BUDGET);
    this.counters.requestBudget = this.#budget.counters;
    this.sequenceTokens = config.sequenceTokens === 'enforced';
    this.maxEventBytes = config.maxEventSize ?? defaultMaxEventSize(config.sequenceTokens);
    this.store = new LogStore(config.streamRate, config.streamBurst, config.keepEvents ?? 0);
    this.#listener = new HttpListener(
      {
        who: 'the CloudWatch sink',
        ...(config.host === undefined ? {} : { host: config.host }),
        ...(config.port === undefined ? {} : { port: config.port }),
        tls: config.tls === true,
        ...(config.tlsNames === undefined ? {} : { tlsNames: config.tlsNames }),
        ...(config.caFile === undefined ? {} : { caFile: config.caFile }),
        counters: this.counters.connections,
        badRequest: (err) => this.#badRequest(err),
      },
      clock,
      this.#onRequest,
    );
    this.faults = new SinkFaultSet(clock, () => this.#applyIdleTimeout(), 'PutLogEvents');
    this.#applyIdleTimeout();
  }

  async start(): Promise<SinkAddress> {
    return this.#listener.start();
  }

  async stop(): Promise<void> {
    this.faults.stop();
    await this.#listener.stop();
  }

  /** The Sink's view of `onAccepted`: the stored events of each batch, as delivered records. */
  onDelivered(listener: DeliveredListener): () => void {
    return this.onAccepted((batch) => listener(batch.events, batch.receivedAt));
  }

  /** The counters as the journal's `cell-end` carries them: a copy, plain data. */
  report(): Record<string, unknown> {
    return structuredClone(this.counters) as unknown as Record<string, unknown>;
  }

  onAccepted(listener: (batch: AcceptedBatch) => void): () => void {
    this.#listeners.push(listener);
    return () => {
      const i = this.#listeners.indexOf(listener);
      if (i >= 0) this.#listeners.splice(i, 1);
    };
  }

  streams(): StreamInfo[] {
    return this.store.info();
  }

  emit(batch: AcceptedBatch): void {
    for (const listener of this.#listeners) {
      try {
        listener(batch);
      } catch (err) {
        // A listener's bug must not change what the client is answered; it is counted and reported once.
        this.counters.listenerErrors += 1;
        if (!this.#warnedListener) {
          this.#warnedListener = true;
          process.emitWarning(`a CloudWatch sink onAccepted listener threw: ${(err as Error).stack ?? String(err)}`);
        }
      }
    }
  }

  /**
   * Idle keep-alive connections are closed after the sink's idle timeout (or a close-idle fault's), on the
   * scenario clock (HttpListener). The `Keep-Alive: timeout=N` hint, like the mountebank mock's, is in
   * scenario seconds; the real service closes idle connections after 6 s whatever the client expects.
   */
  #applyIdleTimeout(): void {
    const override = this.faults.idleOverride();
    const idle = override ?? this.#config.idleTimeout;
    const enabled = override !== undefined || idle > 0;
    this.#listener.setIdleTimeout(enabled ? idle : undefined);
    this.#keepAliveHeader = enabled ? `timeout=${Math.floor(idle / 1000)}` : undefined;
  }

  /** Bytes that are not HTTP: answered 400 (with a request id, like every answer) and the connection closed. */
  #badRequest(err: Error & { code?: string }): string {
    this.counters.requests.unknown.badRequest += 1;
    this.counters.statuses['400'] = (this.counters.statuses['400'] ?? 0) + 1;
    const body = serialization(`Malformed HTTP request (${err.code ?? err.message})`).body;
    return (
      `HTTP/1.1 400 Bad Request\r\nContent-Type: ${CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `x-amzn-RequestId: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`
    );
  }

  #onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const length = req.headers['content-length'];
    const declared = length === undefined ? undefined : Number(length);
    if (declared !== undefined && declared > this.#maxBody) {
      // Refused before a byte of the body is read: the connection closes after the answer, so the unread
      // body never has to be drained (a client that waits for 100-continue sends nothing at all).
      res.shouldKeepAlive = false;
      this.#refuseTooLarge(req, res);
      return;
    }
    void readBody(req, this.#budget, this.#maxBody, declared).then((body) => {
      if (body.kind === 'aborted') return;
      if (body.kind === 'too-large') {
        this.#refuseTooLarge(req, res);
        return;
      }
      const now = this.#clock.now();
      try {
        this.#handle(req, res, body.raw, now);
      } catch {
        this.#respond(res, 'unknown', errorAnswer(internalFailure()), 0);
      }
    });
  };

  #refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
    const op = req.method === 'POST' ? (operationOf(req.headers['x-amz-target']) ?? 'unknown') : 'unknown';
    this.counters.requestsTooLarge += 1;
    this.#respond(res, op, errorAnswer(tooLarge(this.#maxBody)), 0);
  }

  #handle(req: IncomingMessage, res: ServerResponse, raw: Buffer, now: number): void {
    const latency = this.#config.latency;
    const op = req.method === 'POST' ? operationOf(req.headers['x-amz-target']) : undefined;
    if (op === undefined) {
      const target = req.headers['x-amz-target'];
      const why = req.method !== 'POST' ? `${req.method ?? '?'} is not supported; the API is POST /` : `unknown operation ${JSON.stringify(target ?? null)}`;
      this.#respond(res, 'unknown', errorAnswer(unknownOperation(why)), latency);
      return;
    }
    const body = parseBody(raw);
    if (body instanceof ApiError) {
      this.#respond(res, op, errorAnswer(body), latency);
      return;
    }
    if (this.faults.size === 0) {
      this.#respond(res, op, HANDLERS[op](body, this, now), latency);
      return;
    }
    const stream = typeof body.logStreamName === 'string' ? body.logStreamName : undefined;
    const delay = latency + this.faults.extraLatency(op, stream);
    const fault = this.faults.requestFault(op, stream);
    switch (fault?.kind) {
      case undefined:
        this.#respond(res, op, HANDLERS[op](body, this, now), delay);
        return;
      case 'error':
        this.#respond(res, op, errorAnswer(serviceUnavailable(fault.status)), delay);
        return;
      case 'throttle':
        this.#respond(res, op, errorAnswer(THROTTLED), delay);
        return;
      case 'drop-connection':
        if (fault.afterStore === true) HANDLERS[op](body, this, now);
        this.counters.requests[op].dropped += 1;
        this.#listener.after(delay, () => this.#listener.drop(res, `HTTP/1.1 200 OK\r\nContent-Type: ${CONTENT_TYPE}\r\nx-amzn-RequestId: ${randomUUID()}\r\n`));
        return;
    }
  }

  #respond(res: ServerResponse, op: CloudWatchOp | 'unknown', answer: Answer, delay: number): void {
    this.counters.requests[op][answer.outcome] += 1;
    const key = String(answer.status);
    this.counters.statuses[key] = (this.counters.statuses[key] ?? 0) + 1;
    this.#listener.after(delay, () => this.#write(res, answer));
  }

  #write(res: ServerResponse, answer: Answer): void {
    if (res.destroyed || res.writableEnded) return;
    const headers: OutgoingHttpHeaders = {
      'Content-Type': CONTENT_TYPE,
      'Content-Length': Buffer.byteLength(answer.body),
      'x-amzn-RequestId': randomUUID(),
    };
    if (res.shouldKeepAlive) {
      headers.Connection = 'keep-alive';
      if (this.#keepAliveHeader !== undefined) headers['Keep-Alive'] = this.#keepAliveHeader;
    }
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }
}
