import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Clock } from '../../engine/clock.js';
import { InputError } from '../../errors.js';
import type { CloudWatchSinkConfig } from '../../scenario/types.js';
import { ApiError, internalFailure, serialization, serviceUnavailable, THROTTLED, tooLarge, unknownOperation } from './api-errors.js';
import { errorAnswer, type Answer } from './answer.js';
import { createLogGroup, createLogStream, describeLogGroups, describeLogStreams, putRetentionPolicy } from './control-plane.js';
import { createCounters, type SinkCounters } from './counters.js';
import { LogStore, type StreamInfo } from './log-store.js';
import { operationOf, type CloudWatchOp } from './operations.js';
import { putLogEvents } from './put-log-events.js';
import { parseBody, type JsonObject } from './request-body.js';
import { SinkFaultSet, type SinkFaults } from './sink-faults.js';
import type { AcceptedBatch, SinkState } from './sink-state.js';

/** The sink's configuration: the scenario's `sink` section plus where to listen. */
export interface CloudWatchSinkOptions extends CloudWatchSinkConfig {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port (see the address `start` resolves with). */
  port?: number;
  /** Larger request bodies are answered 413 (default 16 MiB: a full batch of escaped JSON fits). */
  maxBodyBytes?: number;
}

export interface SinkAddress {
  host: string;
  port: number;
  /** `http://host:port`, the endpoint to give a CloudWatch Logs client. */
  url: string;
}

/**
 * A mock CloudWatch Logs service on a real HTTP server (domain.md §3): the JSON 1.1 API, its errors, sequence
 * tokens, the per-stream quota, batch limits, idle keep-alive closes, and programmatic faults. It keeps counts
 * per stream, never the events; every stored batch goes to the `onAccepted` listeners, in order.
 */
export interface CloudWatchSink {
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
const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

type Handler = (body: JsonObject, sink: SinkState, now: number) => Answer;
const HANDLERS: Record<CloudWatchOp, Handler> = {
  CreateLogGroup: createLogGroup,
  CreateLogStream: createLogStream,
  PutLogEvents: putLogEvents,
  DescribeLogGroups: describeLogGroups,
  DescribeLogStreams: describeLogStreams,
  PutRetentionPolicy: putRetentionPolicy,
};

export function createCloudWatchSink(config: CloudWatchSinkOptions, clock: Clock): CloudWatchSink {
  return new CloudWatchSinkServer(config, clock);
}

class CloudWatchSinkServer implements CloudWatchSink, SinkState {
  readonly counters: SinkCounters = createCounters();
  readonly faults: SinkFaultSet;
  readonly store: LogStore;
  readonly sequenceTokens: boolean;
  readonly #config: CloudWatchSinkOptions;
  readonly #clock: Clock;
  readonly #maxBody: number;
  readonly #server: Server;
  /** Open connections and how many of their responses are unfinished. */
  readonly #sockets = new Map<Socket, number>();
  readonly #pending = new Set<NodeJS.Timeout>();
  readonly #listeners: ((batch: AcceptedBatch) => void)[] = [];
  #keepAliveHeader: string | undefined;
  /** Wall ms after which an idle keep-alive connection is closed; 0 never. */
  #idleWall = 0;
  #address: SinkAddress | undefined;
  #warnedListener = false;

  constructor(config: CloudWatchSinkOptions, clock: Clock) {
    this.#config = config;
    this.#clock = clock;
    this.#maxBody = config.maxBodyBytes ?? DEFAULT_MAX_BODY;
    this.sequenceTokens = config.sequenceTokens;
    this.store = new LogStore(config.streamRate, config.streamBurst);
    this.faults = new SinkFaultSet(clock, () => this.#applyIdleTimeout());
    this.#server = createServer(this.#onRequest);
    this.#server.on('connection', this.#onConnection);
    this.#server.on('clientError', this.#onClientError);
    this.#applyIdleTimeout();
  }

  async start(): Promise<SinkAddress> {
    if (this.#address !== undefined) return this.#address;
    const host = this.#config.host ?? '127.0.0.1';
    const port = this.#config.port ?? 0;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(new InputError(`the CloudWatch sink cannot listen on ${host}:${port}: ${err.message}`, { cause: err }));
      this.#server.once('error', onError);
      this.#server.listen(port, host, () => {
        this.#server.off('error', onError);
        resolve();
      });
    });
    const bound = this.#server.address() as AddressInfo;
    const shown = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
    this.#address = { host: bound.address, port: bound.port, url: `http://${shown}:${bound.port}` };
    return this.#address;
  }

  async stop(): Promise<void> {
    for (const timer of this.#pending) clearTimeout(timer);
    this.#pending.clear();
    this.faults.stop();
    if (!this.#server.listening) return;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const socket of this.#sockets.keys()) socket.destroy();
    await closed;
    this.#address = undefined;
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
   * Node arms `keepAliveTimeout` + a hidden 1 s buffer (Node 20.20 does) on a connection whose response ended,
   * so the sink re-arms the socket timeout itself right after Node does (see #onRequest); Node still clears
   * it when the next request arrives, and still destroys the socket when it fires. The
   * `Keep-Alive: timeout=N` hint, like the mountebank mock's, is in scenario seconds; the real service
   * closes idle connections after 6 s whatever the client expects.
   */
  #applyIdleTimeout(): void {
    const override = this.faults.idleOverride();
    const idle = override ?? this.#config.idleTimeout;
    const enabled = override !== undefined || idle > 0;
    this.#idleWall = enabled ? Math.max(1, Math.round(this.#clock.toWall(idle))) : 0;
    this.#server.keepAliveTimeout = this.#idleWall;
    this.#keepAliveHeader = enabled ? `timeout=${Math.floor(idle / 1000)}` : undefined;
  }

  #onConnection = (socket: Socket): void => {
    this.counters.connections.opened += 1;
    this.#sockets.set(socket, 0);
    socket.on('timeout', () => {
      this.counters.connections.idleClosed += 1;
    });
    socket.on('close', () => this.#sockets.delete(socket));
  };

  /** Bytes that are not HTTP: answered 400 (with a request id, like every answer) and the connection closed. */
  #onClientError = (err: Error & { code?: string }, socket: Duplex): void => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    this.counters.requests.unknown.badRequest += 1;
    this.counters.statuses['400'] = (this.counters.statuses['400'] ?? 0) + 1;
    const body = serialization(`Malformed HTTP request (${err.code ?? err.message})`).body;
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: ${CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-amzn-RequestId: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`,
    );
  };

  #onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const socket = req.socket;
    this.#sockets.set(socket, (this.#sockets.get(socket) ?? 0) + 1);
    // Runs after Node's own 'finish' listener, which armed keepAliveTimeout + 1 s.
    res.on('finish', () => {
      const unfinished = this.#sockets.get(socket);
      if (unfinished === undefined) return;
      const open = unfinished - 1;
      this.#sockets.set(socket, open);
      if (open === 0 && this.#idleWall > 0 && res.shouldKeepAlive) socket.setTimeout(this.#idleWall);
    });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= this.#maxBody) chunks.push(chunk);
    });
    req.on('end', () => {
      const now = this.#clock.now();
      let raw: Buffer | undefined;
      if (size <= this.#maxBody) raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      try {
        this.#handle(req, res, raw, now);
      } catch {
        this.#respond(res, 'unknown', errorAnswer(internalFailure()), 0);
      }
    });
    // A client that goes away mid-body: Node tears the socket down, there is no one left to answer.
    req.on('error', () => undefined);
  };

  #handle(req: IncomingMessage, res: ServerResponse, raw: Buffer | undefined, now: number): void {
    const latency = this.#config.latency;
    const op = req.method === 'POST' ? operationOf(req.headers['x-amz-target']) : undefined;
    if (op === undefined) {
      const target = req.headers['x-amz-target'];
      const why = req.method !== 'POST' ? `${req.method ?? '?'} is not supported; the API is POST /` : `unknown operation ${JSON.stringify(target ?? null)}`;
      this.#respond(res, 'unknown', errorAnswer(unknownOperation(why)), latency);
      return;
    }
    if (raw === undefined) {
      this.#respond(res, op, errorAnswer(tooLarge(this.#maxBody)), latency);
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
        this.#after(delay, () => this.#drop(res));
        return;
    }
  }

  #respond(res: ServerResponse, op: CloudWatchOp | 'unknown', answer: Answer, delay: number): void {
    this.counters.requests[op][answer.outcome] += 1;
    const key = String(answer.status);
    this.counters.statuses[key] = (this.counters.statuses[key] ?? 0) + 1;
    if (delay > 0) this.#after(delay, () => this.#write(res, answer));
    else this.#write(res, answer);
  }

  #after(scenarioMs: number, fn: () => void): void {
    if (scenarioMs <= 0) {
      fn();
      return;
    }
    const timer = this.#clock.setTimeout(() => {
      this.#pending.delete(timer);
      fn();
    }, scenarioMs);
    this.#pending.add(timer);
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

  /** Sends the status line and a few headers, then destroys the socket: a connection broken mid-response. */
  #drop(res: ServerResponse): void {
    const socket = res.socket;
    if (socket === null || socket.destroyed) return;
    this.counters.connections.dropped += 1;
    socket.write(`HTTP/1.1 200 OK\r\nContent-Type: ${CONTENT_TYPE}\r\nx-amzn-RequestId: ${randomUUID()}\r\n`, () => socket.destroy());
  }
}
