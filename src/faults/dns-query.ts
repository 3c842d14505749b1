import dgram from 'node:dgram';
import { randomInt } from 'node:crypto';
import net from 'node:net';
import * as packet from 'dns-packet';
import { frameTcp, TcpFrameReader } from './dns-wire.js';

/**
 * DNS questions asked of one server on sockets of our own (dns-packet on one dgram socket, and on net when
 * an answer comes back truncated), the way a stub resolver asks them.
 *
 * Why not c-ares (`dns.Resolver`): c-ares retransmits on its own coarse timer (250 ms at least, checked
 * once a tick) that a scaled clock cannot drive, and it is a second resolver to keep alike with the
 * no-deadline one the sync stack needs. Lookups of isolated instances run here on the main thread, never
 * in a worker (engine/isolation/lookup-relay.ts explains the process abort that a resolver or a UDP
 * socket in a terminated worker causes).
 */

export type QueryType = 'A' | 'AAAA';

export interface DnsQueryOptions {
  signal: AbortSignal;
  /**
   * Re-sends the question over UDP each time this fires (c-ares retransmits a query that got no answer
   * when its per-try timeout runs out); return a cancel function. Absent: sent once, no retransmission.
   */
  retransmit?: (send: () => void) => () => void;
}

/** A Node-style DNS error: `code` is what c-ares would say (ENOTFOUND, ESERVFAIL, ENODATA, ECANCELLED, ...). */
export interface DnsQueryError extends NodeJS.ErrnoException {
  code: string;
  hostname: string;
}

export function dnsError(code: string, hostname: string, syscall = 'getaddrinfo'): DnsQueryError {
  // Without a stack trace: these are answers, not bugs (every AAAA question of an IPv4-only name ends in
  // ENODATA, every settled lookup cancels its other question), and capturing a stack was a measurable
  // share of the main thread's CPU per lookup. Where it was made says nothing a reader needs.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const err = new Error(`${syscall} ${code} ${hostname}`) as DnsQueryError;
  Error.stackTraceLimit = limit;
  err.code = code;
  err.syscall = syscall;
  err.hostname = hostname;
  return err;
}

const RCODE_ERRORS: Record<string, string> = {
  NXDOMAIN: 'ENOTFOUND',
  SERVFAIL: 'ESERVFAIL',
  FORMERR: 'EFORMERR',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
};

type Verdict = { kind: 'ignore' } | { kind: 'truncated' } | { kind: 'done'; err: DnsQueryError | null; addresses: string[] };

/** What an incoming message means for our question: not ours (ignored), truncated, or the answer. */
function judge(msg: Buffer, id: number, name: string, type: QueryType): Verdict {
  let response: packet.DecodedPacket;
  try {
    response = packet.decode(msg);
  } catch {
    return { kind: 'ignore' };
  }
  return judgeDecoded(response, msg, id, name, type);
}

/** {@link judge} of a message already decoded. */
function judgeDecoded(response: packet.DecodedPacket, msg: Buffer, id: number, name: string, type: QueryType): Verdict {
  const q = response.questions?.[0];
  if (response.type !== 'response' || response.id !== id || q === undefined || q.name.toLowerCase() !== name.toLowerCase() || q.type !== type) return { kind: 'ignore' };
  const flags = msg.readUInt16BE(2);
  if ((flags & packet.TRUNCATED_RESPONSE) !== 0) return { kind: 'truncated' };
  if ((flags & 0xf) !== 0) {
    const text = (response as packet.DecodedPacket & { rcode?: string }).rcode ?? '';
    return { kind: 'done', err: dnsError(RCODE_ERRORS[text] ?? 'EBADRESP', name), addresses: [] };
  }
  const found = (response.answers ?? []).filter((a): a is packet.StringAnswer => a.type === type).map((a) => a.data);
  return found.length === 0 ? { kind: 'done', err: dnsError('ENODATA', name), addresses: [] } : { kind: 'done', err: null, addresses: found };
}

/** How long (wall ms) a channel's UDP socket stays open with no query before it is closed. */
const IDLE_CLOSE_WALL_MS = 1000;

/** One question in flight on a {@link DnsChannel}. */
interface PendingQuery {
  readonly name: string;
  readonly type: QueryType;
  readonly message: Buffer;
  /** Asking over TCP now (the UDP answer was truncated): UDP datagrams and errors no longer concern it. */
  tcp: net.Socket | undefined;
  /** Sent over UDP once the socket is connected. */
  started: boolean;
  finish(err: DnsQueryError | null, addresses?: string[]): void;
  send(): void;
  start(): void;
}

/**
 * Questions asked of one server over one UDP socket, as a stub resolver (c-ares) keeps one socket per
 * server for all its queries and tells the answers apart by id and question. A socket per question cost
 * a socket, a bind, a connect and a close per query (most of the lookup's CPU on the main thread).
 *
 * The socket is made at the first question and closed after IDLE_CLOSE_WALL_MS without one (or by
 * `close`); it keeps the process alive only while a question is in flight. A socket error (ECONNREFUSED when the server is gone) fails every question waiting on UDP and
 * drops the socket; the next question makes a new one. Ids go up from a random start and skip those in
 * flight, so an id comes back only after 65,536 questions: a late answer to a question that was given up
 * (its lookup timed out or was cancelled) is not taken for a newer one.
 */
export class DnsChannel {
  readonly #server: { host: string; port: number };
  readonly #pending = new Map<number, PendingQuery>();
  #socket: dgram.Socket | null = null;
  #connected = false;
  #nextId = randomInt(0, 65536);
  #idleTimer: NodeJS.Timeout | null = null;
  #usedSinceArm = false;

  constructor(server: { host: string; port: number }) {
    this.#server = server;
  }

  /** Questions in flight. */
  get pending(): number {
    return this.#pending.size;
  }

  /**
   * Asks for the `type` records of `name`: over UDP, then over TCP if the answer is truncated. Resolves with
   * the addresses; rejects with a {@link DnsQueryError}. It has no deadline of its own: it ends on an answer,
   * a socket error, or `signal` (ECANCELLED). Answers that do not match (other id or question, undecodable)
   * are ignored, as a stub resolver does.
   */
  query(name: string, type: QueryType, options: DnsQueryOptions): Promise<string[]> {
    const { signal } = options;
    if (signal.aborted) return Promise.reject(dnsError('ECANCELLED', name));
    return new Promise((resolve, reject) => {
      const id = this.#allocateId();
      let stopRetransmit: (() => void) | undefined;
      let done = false;
      const q: PendingQuery = {
        name,
        type,
        message: packet.encode({ type: 'query', id, flags: packet.RECURSION_DESIRED, questions: [{ type, name, class: 'IN' }] }),
        tcp: undefined,
        started: false,
        finish: (err, addresses = []) => {
          if (done) return;
          done = true;
          signal.removeEventListener('abort', onAbort);
          stopRetransmit?.();
          q.tcp?.destroy();
          this.#pending.delete(id);
          if (this.#pending.size === 0) {
            this.#socket?.unref();
            this.#armIdleClose();
          }
          if (err) reject(err);
          else resolve(addresses);
        },
        send: () => {
          const socket = this.#socket;
          if (done || q.tcp || socket === null) return;
          socket.send(q.message, (err) => {
            if (err) q.finish(dnsError('ECONNREFUSED', name));
          });
        },
        start: () => {
          if (done || q.started) return;
          q.started = true;
          q.send();
          stopRetransmit = options.retransmit?.(q.send);
        },
      };
      const onAbort = (): void => q.finish(dnsError('ECANCELLED', name));
      signal.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, q);
      this.#usedSinceArm = true;
      this.#ensureSocket();
      // A question in flight keeps the process alive, as its own socket did; an idle socket does not.
      if (this.#pending.size === 1) this.#socket?.ref();
      if (this.#connected) q.start();
    });
  }

  /** Cancels every question in flight (ECANCELLED) and closes the socket. A later question opens a new one. */
  close(): void {
    for (const q of [...this.#pending.values()]) q.finish(dnsError('ECANCELLED', q.name));
    this.#dropSocket();
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }

  #allocateId(): number {
    for (;;) {
      const id = this.#nextId;
      this.#nextId = (this.#nextId + 1) & 0xffff;
      if (!this.#pending.has(id)) return id;
    }
  }

  #ensureSocket(): void {
    if (this.#socket) return;
    const { host, port } = this.#server;
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    this.#socket = socket;
    this.#connected = false;
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (this.#socket !== socket) return;
      this.#dropSocket();
      const code = err.code === 'ECONNREFUSED' ? 'ECONNREFUSED' : 'EUNKNOWN';
      for (const q of [...this.#pending.values()]) if (!q.tcp) q.finish(dnsError(code, q.name));
    });
    socket.on('message', (msg: Buffer) => {
      if (this.#socket === socket) this.#onMessage(msg);
    });
    socket.connect(port, host, () => {
      if (this.#socket !== socket) return;
      this.#connected = true;
      for (const q of [...this.#pending.values()]) if (!q.started) q.start();
    });
  }

  #dropSocket(): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = null;
    this.#connected = false;
    try {
      socket.close();
    } catch {
      // Already closed.
    }
  }

  #onMessage(msg: Buffer): void {
    let response: packet.DecodedPacket;
    try {
      response = packet.decode(msg);
    } catch {
      return;
    }
    const q = response.id === undefined ? undefined : this.#pending.get(response.id);
    if (q === undefined || q.tcp) return;
    const v = judgeDecoded(response, msg, response.id ?? -1, q.name, q.type);
    if (v.kind === 'truncated') this.#overTcp(q, response.id ?? 0);
    else if (v.kind === 'done') q.finish(v.err, v.addresses);
  }

  #overTcp(q: PendingQuery, id: number): void {
    const socket = net.connect({ host: this.#server.host, port: this.#server.port });
    q.tcp = socket;
    const reader = new TcpFrameReader();
    socket.on('error', (err: NodeJS.ErrnoException) => q.finish(dnsError(err.code === 'ECONNREFUSED' ? 'ECONNREFUSED' : 'EUNKNOWN', q.name)));
    socket.on('end', () => q.finish(dnsError('ECONNRESET', q.name)));
    socket.on('data', (chunk: Buffer) => {
      const frames = reader.push(chunk);
      if (frames === 'bad-length') {
        q.finish(dnsError('EBADRESP', q.name));
        return;
      }
      for (const frame of frames) {
        const v = judge(frame, id, q.name, q.type);
        // A truncated answer over TCP cannot grow any further: take it as having no records.
        if (v.kind === 'truncated') q.finish(dnsError('EBADRESP', q.name));
        else if (v.kind === 'done') q.finish(v.err, v.addresses);
      }
    });
    socket.write(frameTcp(q.message));
  }

  /** Closes the socket once it has been idle a whole period (checked, not re-armed, per question). */
  #armIdleClose(): void {
    if (this.#idleTimer || this.#socket === null) return;
    this.#usedSinceArm = false;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      if (this.#pending.size > 0) return; // armed again when they are done
      if (this.#usedSinceArm) this.#armIdleClose();
      else this.#dropSocket();
    }, IDLE_CLOSE_WALL_MS);
    this.#idleTimer.unref();
  }
}
