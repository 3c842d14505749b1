import dgram from 'node:dgram';
import net from 'node:net';
import * as packet from 'dns-packet';
import type { Clock, LongTimer } from '../core/clock.js';
import { Random } from '../core/random.js';
import { InputError } from '../core/errors.js';
import { DnsFaultTable, normalizeDnsName } from './dns-faults.js';
import type { DnsAnswerMode, DnsDecision, DnsFault, DnsFaultEntry } from './dns-faults.js';
import { Rcode, encodeResponse, formErrFor, frameTcp, responseFlags, TcpFrameReader, udpLimitOf } from './dns-wire.js';

/** Options of {@link createDnsServer}. */
export interface DnsServerOptions {
  /** Loopback address to bind, UDP and TCP on the same port. Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port for both UDP and TCP. */
  port?: number;
  /**
   * With a fixed `port`: the addresses to try in turn when `host` (and each one before) is already taken on
   * it (EADDRINUSE), so that servers that must share a port (53, for a resolv.conf) each take an address of
   * their own, whichever process holds the others. `start()` resolves with the address taken.
   */
  fallbackHosts?: readonly string[];
  /** Name → IPv4 and IPv6 addresses. A queries get the IPv4 ones, AAAA the IPv6 ones; unknown names NXDOMAIN. */
  records?: Record<string, readonly string[]>;
  /** Times delays, in scenario ms. */
  clock: Clock;
  /** TTL of answers in seconds. Default 0, so no resolver caches an answer across a fault change. */
  ttl?: number;
  /** Rolls toxicity and jitter. Default: seeded with 0. */
  random?: Random;
  /** Called once per well-formed query with what was done to it. Errors it throws are ignored. */
  onQuery?: (event: DnsQueryEvent) => void;
}

/** What became of one query. */
export type DnsQueryOutcome = 'answered' | 'nxdomain' | 'servfail' | 'wrong-address' | 'stalled' | 'formerr' | 'notimp';

/** One well-formed query as the server handled it, for journals and tests. */
export interface DnsQueryEvent {
  transport: 'udp' | 'tcp';
  id: number;
  name: string;
  type: string;
  outcome: DnsQueryOutcome;
  /** Scenario ms the answer is held back (0 when sent at once or stalled). */
  delayMs: number;
  faultIds: number[];
}

/**
 * Live counts since the server was made. Every message received ends in exactly one of: a response
 * sent at once, a delayed response, a stall, or `ignored`.
 */
export interface DnsServerCounters {
  /** Datagrams and TCP frames received, well-formed or not. */
  received: number;
  /** Well-formed queries (one question, opcode QUERY). */
  queries: number;
  udpQueries: number;
  tcpQueries: number;
  /** Responses sent, of any rcode, including FORMERR and delayed ones once sent. */
  answered: number;
  /** Queries dropped by a stall. */
  stalled: number;
  /** Queries whose answer was held back by a delay. */
  delayed: number;
  /** Delayed answers not sent yet. */
  pendingDelayed: number;
  /** Delayed answers that could not be sent (their TCP connection closed, or the server stopped). */
  undeliverable: number;
  nxdomain: number;
  servfail: number;
  wrongAddress: number;
  /** FORMERR responses: undecodable messages with a full header, or queries without exactly one question. */
  formerr: number;
  notimp: number;
  /** UDP answers sent truncated (TC) because they did not fit. */
  truncated: number;
  /** Messages dropped without answer: shorter than a header, or responses rather than queries. */
  ignored: number;
  tcpConnections: number;
  /** TCP connections closed by the server for a bad length prefix or an undecodable message. */
  tcpRejected: number;
}

/** A running (or not yet started) loopback DNS server with switchable faults. */
export interface DnsServer {
  /** Binds UDP and TCP on one port; resolves with where it listens. */
  start(): Promise<{ host: string; port: number }>;
  /** Closes both sockets and every TCP connection; delayed answers not yet sent are dropped. Idempotent. */
  stop(): Promise<void>;
  /** Where the server listens, or null before start / after stop. */
  readonly address: { host: string; port: number } | null;
  /** Replaces every fault for `name` (or for all names when omitted or null) with `fault`; null clears them. */
  setFault(fault: DnsFault | null, name?: string | null): number | null;
  /** Adds a fault for `name` (or all names); returns an id for {@link removeFault}. */
  addFault(fault: DnsFault, name?: string | null): number;
  removeFault(id: number): boolean;
  clearFaults(): void;
  faults(): DnsFaultEntry[];
  /** Sets the addresses of a name; null removes it (NXDOMAIN afterwards). */
  setRecord(name: string, addresses: readonly string[] | null): void;
  readonly counters: Readonly<DnsServerCounters>;
}

type Transport = 'udp' | 'tcp';
type Reply = (message: Buffer) => boolean;

const MAX_BIND_ATTEMPTS = 20;
/** Encoded answers kept for reuse (one per name, type, RD bit and size limit asked); cleared when full. */
const ANSWER_CACHE_ENTRIES = 256;

function newCounters(): DnsServerCounters {
  return {
    received: 0,
    queries: 0,
    udpQueries: 0,
    tcpQueries: 0,
    answered: 0,
    stalled: 0,
    delayed: 0,
    pendingDelayed: 0,
    undeliverable: 0,
    nxdomain: 0,
    servfail: 0,
    wrongAddress: 0,
    formerr: 0,
    notimp: 0,
    truncated: 0,
    ignored: 0,
    tcpConnections: 0,
    tcpRejected: 0,
  };
}

function checkAddresses(name: string, addresses: readonly string[]): string[] {
  const bad = addresses.filter((a) => net.isIP(a) === 0);
  if (bad.length > 0) throw new InputError(`DNS record ${name}: not IP addresses: ${bad.join(', ')}`);
  return [...addresses];
}

/** Makes a DNS server for the systems under test to resolve through. Call `start()` to bind it. */
export function createDnsServer(options: DnsServerOptions): DnsServer {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 0;
  const { clock } = options;
  const ttl = options.ttl ?? 0;
  const random = options.random ?? new Random(0);
  const records = new Map<string, string[]>();
  for (const [name, addresses] of Object.entries(options.records ?? {})) records.set(normalizeDnsName(name), checkAddresses(name, addresses));
  const table = new DnsFaultTable();
  const counters = newCounters();
  /**
   * The encoded answer to a question no fault touched, by what it depends on (the name as asked, its type and
   * class, the query's RD bit, the size limit): each lookup asks the same few questions again and again, and
   * encoding the answer was a good part of what a query cost. A reuse is a copy with the query's id
   * written in, byte for byte what encoding it again gives (the answer echoes only the id, the RD bit and
   * the question). `setRecord` clears it.
   */
  const answerCache = new Map<string, Buffer>();
  const timers = new Set<LongTimer>();
  const connections = new Set<net.Socket>();
  let udp: dgram.Socket | null = null;
  let tcp: net.Server | null = null;
  let address: { host: string; port: number } | null = null;
  let starting: Promise<{ host: string; port: number }> | null = null;
  let stopping: Promise<void> | null = null;

  const emit = (event: DnsQueryEvent): void => {
    if (!options.onQuery) return;
    try {
      options.onQuery(event);
    } catch {
      // A journal hook must not take the server down.
    }
  };

  const send = (reply: Reply, message: Buffer): void => {
    if (reply(message)) counters.answered++;
  };

  const answersFor = (name: string, type: string, mode: DnsAnswerMode): string[] => {
    if (type !== 'A' && type !== 'AAAA') return [];
    const family = type === 'A' ? 4 : 6;
    const pool = mode.kind === 'wrong-address' ? mode.addresses : (records.get(normalizeDnsName(name)) ?? []);
    return pool.filter((a) => net.isIP(a) === family);
  };

  const buildResponse = (query: packet.DecodedPacket, question: packet.Question, decision: DnsDecision, transport: Transport): { message: Buffer; outcome: DnsQueryOutcome } => {
    const { answer } = decision;
    const limit = transport === 'udp' ? udpLimitOf(query) : null;
    const cacheKey = answer.kind === 'normal' ? `${question.type}\u0000${question.class ?? ''}\u0000${query.flag_rd ? 1 : 0}\u0000${limit ?? 'tcp'}\u0000${question.name}` : null;
    const cached = cacheKey === null ? undefined : answerCache.get(cacheKey);
    if (cached !== undefined) {
      const message = Buffer.from(cached);
      message.writeUInt16BE(query.id ?? 0, 0);
      if ((message.readUInt16BE(2) & packet.TRUNCATED_RESPONSE) !== 0) counters.truncated++;
      return { message, outcome: (message.readUInt16BE(2) & 0xf) === Rcode.nxDomain ? 'nxdomain' : 'answered' };
    }
    let rcode: Rcode = Rcode.noError;
    let outcome: DnsQueryOutcome = 'answered';
    let data: string[] = [];
    if (answer.kind === 'nxdomain' || (answer.kind === 'normal' && !records.has(normalizeDnsName(question.name)))) {
      rcode = Rcode.nxDomain;
      outcome = 'nxdomain';
    } else if (answer.kind === 'servfail') {
      rcode = Rcode.servFail;
      outcome = 'servfail';
    } else {
      data = answersFor(question.name, question.type, answer);
      if (answer.kind === 'wrong-address') outcome = 'wrong-address';
    }
    const answers = data.map((a): packet.Answer => ({ type: question.type === 'A' ? 'A' : 'AAAA', name: question.name, ttl, class: 'IN', data: a }));
    const response: packet.Packet = { id: query.id, type: 'response', flags: responseFlags(query, rcode), questions: [question], answers };
    const message = encodeResponse(response, limit);
    if (limit !== null && message.length > 0 && (message.readUInt16BE(2) & packet.TRUNCATED_RESPONSE) !== 0) counters.truncated++;
    if (cacheKey !== null && message.length >= 12) {
      if (answerCache.size >= ANSWER_CACHE_ENTRIES) answerCache.clear();
      answerCache.set(cacheKey, Buffer.from(message));
    }
    return { message, outcome };
  };

  const countOutcome = (outcome: DnsQueryOutcome): void => {
    if (outcome === 'nxdomain') counters.nxdomain++;
    else if (outcome === 'servfail') counters.servfail++;
    else if (outcome === 'wrong-address') counters.wrongAddress++;
  };

  /** Handles one message: `garbage` when undecodable (TCP closes the connection then). */
  const handle = (message: Buffer, transport: Transport, reply: Reply, onDelayedSent?: () => void): 'garbage' | 'done' | 'delayed' => {
    counters.received++;
    if (message.length < 12) {
      counters.ignored++;
      return 'garbage';
    }
    let query: packet.DecodedPacket;
    try {
      query = packet.decode(message);
    } catch {
      counters.formerr++;
      send(reply, formErrFor(message));
      return 'garbage';
    }
    try {
      return handleQuery(query, message, transport, reply, onDelayedSent);
    } catch {
      // Decodable yet not encodable back (odd types or names): treat as malformed.
      counters.formerr++;
      send(reply, formErrFor(message));
      return 'garbage';
    }
  };

  const handleQuery = (query: packet.DecodedPacket, message: Buffer, transport: Transport, reply: Reply, onDelayedSent?: () => void): 'done' | 'delayed' => {
    if (query.type === 'response') {
      counters.ignored++;
      return 'done';
    }
    const id = query.id ?? 0;
    const opcode = (message.readUInt16BE(2) >> 11) & 0xf;
    const questions = query.questions ?? [];
    const question = questions[0];
    if (opcode !== 0 || questions.length !== 1 || question === undefined) {
      const notImp = opcode !== 0;
      const response = packet.encode({ id, type: 'response', flags: responseFlags(query, notImp ? Rcode.notImp : Rcode.formErr) | (opcode << 11), questions });
      if (notImp) counters.notimp++;
      else counters.formerr++;
      send(reply, response);
      emit({ transport, id, name: question?.name ?? '', type: question?.type ?? '', outcome: notImp ? 'notimp' : 'formerr', delayMs: 0, faultIds: [] });
      return 'done';
    }
    const decision = table.decide(question.name, random);
    const built = decision.stall ? null : buildResponse(query, question, decision, transport);
    counters.queries++;
    if (transport === 'udp') counters.udpQueries++;
    else counters.tcpQueries++;
    if (built === null) {
      counters.stalled++;
      emit({ transport, id, name: question.name, type: question.type, outcome: 'stalled', delayMs: 0, faultIds: decision.faultIds });
      return 'done';
    }
    const { message: response, outcome } = built;
    countOutcome(outcome);
    emit({ transport, id, name: question.name, type: question.type, outcome, delayMs: decision.delayMs, faultIds: decision.faultIds });
    if (decision.delayMs <= 0) {
      send(reply, response);
      return 'done';
    }
    counters.delayed++;
    counters.pendingDelayed++;
    const timer = clock.setTimeout(() => {
      timers.delete(timer);
      counters.pendingDelayed--;
      if (reply(response)) counters.answered++;
      else counters.undeliverable++;
      onDelayedSent?.();
    }, decision.delayMs);
    timers.add(timer);
    return 'delayed';
  };

  const onConnection = (socket: net.Socket): void => {
    counters.tcpConnections++;
    connections.add(socket);
    socket.setNoDelay(true);
    const reader = new TcpFrameReader(12);
    let pending = 0;
    let peerEnded = false;
    let rejected = false;
    const reply: Reply = (message) => {
      if (socket.destroyed || !socket.writable) return false;
      socket.write(frameTcp(message));
      return true;
    };
    const reject = (graceful: boolean): void => {
      if (rejected) return;
      rejected = true;
      counters.tcpRejected++;
      if (graceful) socket.end();
      else socket.destroy();
    };
    const settled = (): void => {
      pending--;
      if (peerEnded && pending === 0 && !socket.destroyed) socket.end();
    };
    socket.on('data', (chunk: Buffer) => {
      if (rejected) return;
      const frames = reader.push(chunk);
      if (frames === 'bad-length') {
        reject(false);
        return;
      }
      for (const frame of frames) {
        const result = handle(frame, 'tcp', reply, settled);
        if (result === 'delayed') pending++;
        if (result === 'garbage') {
          reject(true);
          return;
        }
      }
    });
    socket.on('end', () => {
      peerEnded = true;
      if (pending === 0 && !socket.destroyed) socket.end();
    });
    socket.on('error', () => {
      // A client resetting its connection is its own business.
    });
    socket.on('close', () => connections.delete(socket));
  };

  const bindOnce = async (host: string, port: number): Promise<{ udp: dgram.Socket; tcp: net.Server; port: number }> => {
    const server = net.createServer({ allowHalfOpen: true }, onConnection);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host, port, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const info = server.address();
    const bound = typeof info === 'object' && info !== null ? info.port : port;
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.bind({ address: host, port: bound, exclusive: true }, () => {
          socket.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      socket.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw err;
    }
    return { udp: socket, tcp: server, port: bound };
  };

  const listen = async (): Promise<{ host: string; port: number }> => {
    let lastError: unknown;
    const candidates = requestedPort === 0 ? [host] : [host, ...(options.fallbackHosts ?? []).filter((h) => h !== host)];
    let tried = 0;
    for (const candidate of candidates) {
      tried++;
      const bound = await bindTo(candidate).catch((err: unknown) => {
        lastError = err;
        return undefined;
      });
      if (bound !== undefined) return bound;
      // Only an address in use sends us to the next one: any other failure would be the same there.
      if ((lastError as NodeJS.ErrnoException | undefined)?.code !== 'EADDRINUSE') break;
    }
    const others = tried > 1 ? ` (nor on ${tried - 1} more ${tried === 2 ? 'address' : 'addresses'} after it: all in use)` : '';
    throw new InputError(`DNS server cannot listen on ${host}:${requestedPort} (UDP and TCP)${others}: ${(lastError as Error)?.message ?? String(lastError)}`, {
      cause: lastError,
      hint: tried > 1 ? 'other servers on this machine hold those addresses on that port (another duress run?)' : 'choose another port, or 0 for a free one',
    });
  };

  /** Binds `candidate` (on a free port: tried a few times, as a port picked may be taken before it is bound). */
  const bindTo = async (candidate: string): Promise<{ host: string; port: number }> => {
    let lastError: unknown;
    for (let attempt = 0; attempt < (requestedPort === 0 ? MAX_BIND_ATTEMPTS : 1); attempt++) {
      try {
        const bound = await bindOnce(candidate, requestedPort);
        udp = bound.udp;
        tcp = bound.tcp;
        udp.on('error', () => {
          // Send errors on loopback are transient; the server keeps listening.
        });
        udp.on('message', (msg, rinfo) => {
          handle(msg, 'udp', (message) => {
            if (udp === null) return false;
            udp.send(message, rinfo.port, rinfo.address, () => {
              // Errors here mean the client went away.
            });
            return true;
          });
        });
        address = { host: candidate, port: bound.port };
        return { ...address };
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError;
  };

  const server: DnsServer = {
    start() {
      if (stopping !== null) return Promise.reject(new InputError('DNS server was stopped; make a new one'));
      starting ??= listen().catch((err: unknown) => {
        starting = null;
        throw err;
      });
      return starting.then((a) => ({ ...a }));
    },

    stop() {
      if (stopping !== null) return stopping;
      stopping = (async () => {
        await starting?.catch(() => undefined);
        for (const timer of timers) timer.clear();
        counters.undeliverable += timers.size;
        counters.pendingDelayed -= timers.size;
        timers.clear();
        const closing: Promise<void>[] = [];
        if (udp !== null) {
          const socket = udp;
          closing.push(new Promise((resolve) => socket.close(() => resolve())));
        }
        if (tcp !== null) {
          const listener = tcp;
          closing.push(new Promise((resolve) => listener.close(() => resolve())));
        }
        for (const socket of connections) socket.destroy();
        udp = null;
        tcp = null;
        address = null;
        await Promise.all(closing);
      })();
      return stopping;
    },

    get address() {
      return address === null ? null : { ...address };
    },

    setFault(fault, name = null) {
      return table.set(fault, name);
    },
    addFault(fault, name = null) {
      return table.add(fault, name);
    },
    removeFault(id) {
      return table.remove(id);
    },
    clearFaults() {
      table.clear();
    },
    faults() {
      return table.list();
    },
    setRecord(name, addresses) {
      answerCache.clear();
      if (addresses === null) records.delete(normalizeDnsName(name));
      else records.set(normalizeDnsName(name), checkAddresses(name, addresses));
    },
    counters,
  };
  return server;
}
