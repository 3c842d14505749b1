import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { Clock, LongTimer } from '../../core/clock.js';
import { InputError } from '../../core/errors.js';
import { recordMessagesIn } from '../../delivery/record-message.js';
import type { DeliveredListener, Sink, SinkEndpoint } from '../sink.js';
import { makeSinkCertificate, writeCaFile, type CaFile } from '../shared/certificate.js';
import type { SinkFaultSpec } from '../shared/fault-types.js';
import { ANY_CHANNEL, SinkFaultSet, type SinkFaults } from '../shared/sink-faults.js';
import { LineSplitter } from './line-splitter.js';
import type { TcpSinkConfig } from './schema.js';

export interface TcpSinkOptions extends TcpSinkConfig {
  host?: string;
  port?: number;
  tlsNames?: readonly string[];
  caFile?: string;
}

/** The TCP line sink's counters (a plain object updated in place). */
export interface TcpSinkCounters {
  connections: { opened: number; idleClosed: number; dropped: number; tlsErrors: number };
  lines: number;
  /** Record messages found in the lines handed on. */
  messages: number;
  bytes: number;
  /** Lines cut at `maxLine`. */
  overlong: number;
  /** Lines read and not handed on (sink-discard). */
  linesDiscarded: number;
  /** Lines handed on twice (sink-duplicate). */
  linesDuplicated: number;
  listenerErrors: number;
}

export interface TcpSink extends Sink<SinkFaultSpec> {
  readonly counters: TcpSinkCounters;
  readonly faults: SinkFaults;
}

/** The operation of a chunk of lines, for the shared sink faults. */
const LINES_OP = 'LINES';

interface Connection {
  socket: Socket;
  splitter: LineSplitter;
  /** Named by a `hello <channel>` first line (with `hello`); undefined: unknown, sink faults act on it whatever they name. */
  channel: string | undefined;
  helloPending: boolean;
  /** Chunks of lines held by a sink-slow fault, each handed on (in order) when its delay has passed. */
  held: number;
  /** Scenario time the last held chunk is handed on: a later chunk never goes before it. */
  releaseAt: number;
}

/**
 * `sink: { kind: tcp }`: newline-delimited text over TCP (or TLS). Every line is searched for duress's records
 * (record-message.ts) and handed to the engine's accounting as it arrives. The shared sink faults it applies:
 * sink-slow (the lines of a chunk are held for the latency, the socket paused meanwhile: a slow reader, so
 * the writer meets TCP backpressure), sink-drop-connection (the connection is destroyed as its next data
 * arrives; with afterStore the data is handed on first), sink-discard (read, not handed on), sink-duplicate
 * (handed on twice), sink-close-idle.
 */
export function createTcpSink(config: TcpSinkOptions, clock: Clock): TcpSink {
  return new TcpSinkServer(config, clock);
}

class TcpSinkServer implements TcpSink {
  readonly counters: TcpSinkCounters = {
    connections: { opened: 0, idleClosed: 0, dropped: 0, tlsErrors: 0 },
    lines: 0, messages: 0, bytes: 0, overlong: 0, linesDiscarded: 0, linesDuplicated: 0, listenerErrors: 0,
  };
  readonly faults: SinkFaultSet;
  readonly #config: TcpSinkOptions;
  readonly #clock: Clock;
  readonly #listeners = new Set<DeliveredListener>();
  readonly #connections = new Set<Connection>();
  readonly #pending = new Set<LongTimer>();
  #server: Server | undefined;
  #caFile: CaFile | undefined;
  #idleWall = 0;

  constructor(config: TcpSinkOptions, clock: Clock) {
    this.#config = config;
    this.#clock = clock;
    this.faults = new SinkFaultSet(clock, () => this.#applyIdleTimeout(), LINES_OP);
    this.#applyIdleTimeout();
  }

  async start(): Promise<SinkEndpoint> {
    const host = this.#config.host ?? '127.0.0.1';
    const port = this.#config.port ?? 0;
    let ca: string | undefined;
    if (this.#config.tls) {
      const cert = await makeSinkCertificate(this.#config.tlsNames);
      ca = cert.caPem;
      this.#caFile = await writeCaFile(cert.caPem, this.#config.caFile, 'the TCP sink');
      const server = createTlsServer({ key: cert.keyPem, cert: cert.certPem }, (socket) => this.#accept(socket));
      server.on('tlsClientError', (_err, socket) => {
        this.counters.connections.tlsErrors += 1;
        socket.destroy();
      });
      this.#server = server;
    } else this.#server = createServer((socket) => this.#accept(socket));
    const server = this.#server;
    server.listen(port, host);
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([err]) => {
        throw new InputError(`the TCP sink cannot listen on ${host}:${port}: ${(err as Error).message}`, { cause: err });
      }),
    ]);
    const bound = server.address() as AddressInfo;
    const scheme = ca === undefined ? 'tcp' : 'tls';
    return { host: bound.address, port: bound.port, url: `${scheme}://${bound.address}:${bound.port}`, ...(ca === undefined ? {} : { ca, caFile: this.#caFile!.path }) };
  }

  async stop(): Promise<void> {
    this.faults.stop();
    for (const timer of this.#pending) timer.clear();
    this.#pending.clear();
    await this.#caFile?.remove();
    this.#caFile = undefined;
    const server = this.#server;
    this.#server = undefined;
    if (server === undefined || !server.listening) return;
    const closed = once(server, 'close');
    server.close();
    for (const c of this.#connections) c.socket.destroy();
    await closed;
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
    const idle = override ?? (this.#config.idleTimeout > 0 ? this.#config.idleTimeout : undefined);
    this.#idleWall = idle === undefined ? 0 : Math.max(1, Math.round(this.#clock.toWall(idle)));
    for (const c of this.#connections) c.socket.setTimeout(this.#idleWall);
  }

  #accept(socket: Socket): void {
    const c: Connection = { socket, splitter: new LineSplitter(this.#config.maxLine), channel: undefined, helloPending: this.#config.hello, held: 0, releaseAt: 0 };
    this.#connections.add(c);
    this.counters.connections.opened += 1;
    socket.setTimeout(this.#idleWall);
    socket.on('timeout', () => {
      this.counters.connections.idleClosed += 1;
      socket.destroy();
    });
    socket.on('data', (chunk: Buffer) => this.#onData(c, chunk));
    socket.on('end', () => {
      this.#take(c, c.splitter.end());
      socket.end();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.#connections.delete(c));
  }

  #onData(c: Connection, chunk: Buffer): void {
    this.counters.bytes += chunk.length;
    const overlong = c.splitter.overlong;
    const lines = c.splitter.push(chunk);
    this.counters.overlong += c.splitter.overlong - overlong;
    if (c.helloPending && lines.length > 0) {
      c.helloPending = false;
      c.channel = (lines.shift() as string).replace(/^hello /, '');
    }
    const channel = c.channel ?? ANY_CHANNEL;
    const fault = this.faults.size === 0 ? undefined : this.faults.requestFault(LINES_OP, channel);
    if (fault?.kind === 'drop-connection') {
      if (fault.afterStore === true) this.#take(c, lines);
      this.counters.connections.dropped += 1;
      c.socket.destroy();
      return;
    }
    const delay = this.faults.size === 0 ? 0 : this.faults.extraLatency(LINES_OP, channel);
    if (delay <= 0 && c.held === 0) {
      this.#take(c, lines);
      return;
    }
    // A slow reader: the socket is paused while the lines wait, so the writer meets backpressure; order is kept.
    c.socket.pause();
    c.held += 1;
    const now = this.#clock.now();
    c.releaseAt = Math.max(now + delay, c.releaseAt);
    const timer = this.#clock.setTimeout(() => {
      this.#pending.delete(timer);
      c.held -= 1;
      this.#take(c, lines);
      if (c.held === 0) c.socket.resume();
    }, Math.max(c.releaseAt - now, 1));
    this.#pending.add(timer);
  }

  /** Hands a connection's lines on, as the faults of its channel decide. */
  #take(c: Connection, lines: string[]): void {
    if (lines.length === 0) return;
    const fate = this.faults.size === 0 ? undefined : this.faults.batchFault(c.channel ?? ANY_CHANNEL);
    if (fate === 'discard') {
      this.counters.linesDiscarded += lines.length;
      return;
    }
    this.counters.lines += lines.length;
    const records: { message: string }[] = [];
    for (const line of lines) for (const message of recordMessagesIn(line)) records.push({ message });
    this.counters.messages += records.length;
    this.#emit(records);
    if (fate === 'duplicate') {
      this.counters.linesDuplicated += lines.length;
      this.#emit(records);
    }
  }

  #emit(records: { message: string }[]): void {
    const at = this.#clock.now();
    for (const listener of this.#listeners) {
      try {
        listener(records, at);
      } catch {
        this.counters.listenerErrors += 1;
      }
    }
  }
}
