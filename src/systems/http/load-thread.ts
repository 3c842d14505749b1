import net from 'node:net';
import tls from 'node:tls';
import { performance } from 'node:perf_hooks';
import { buildConnector, Client, type Dispatcher } from 'undici';
import { ArrivalSchedule } from './arrival-schedule.js';
import type { ArrivalRate, HttpRequestSpec, LoadProgress, TlsOptions } from './load-options.js';
import { LoadTally, type LoadPart } from './load-tally.js';

/** One thread's share of a run (see LoadOptions for the meaning of each field). */
export interface ThreadShare {
  origin: string;
  requests: HttpRequestSpec[];
  /** This thread's connections. */
  connections: number;
  pipelining: number;
  /** The whole run's arrival rate; this thread sends the requests k ≡ index (mod count). */
  arrival?: ArrivalRate;
  durationMs: number;
  index: number;
  count: number;
  drainTimeoutMs: number;
  requestTimeoutMs: number;
  /**
   * The schedule began before this thread joined it (a renewed instance of the `http` kind, given the
   * cell's start): its requests due before now were the thread it replaced, and are skipped.
   */
  resume?: boolean;
  /** For an https origin: how its certificate is checked (see TlsOptions). */
  tls?: TlsOptions;
}


/** How long connect() waits for each connection before leaving it to the first request. */
const CONNECT_TIMEOUT_MS = 5000;

/** Now on the axis every thread shares: each thread's timeOrigin differs, their sum with now() does not. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

type DispatchOptions = Dispatcher.DispatchOptions;

/**
 * The load of one thread: `share.connections` undici Clients (one TCP connection each, HTTP/1.1, up to
 * `pipelining` requests in flight on each), fed by the arrival schedule (open model) or by completions
 * (closed model).
 *
 * Free request slots (a connection with room in its pipeline) sit on a stack; a request takes one and gives
 * it back when it completes or fails. In the open model, requests that fall due while no slot is free wait
 * in a backlog of due times, oldest first, and are sent as slots free up: their corrected latency (from
 * the due time) includes the wait, their uncorrected latency (from the hand-over to undici) does not. What
 * is still in the backlog when the schedule ends was never sent: the shortfall.
 */
export class LoadThread {
  readonly #share: ThreadShare;
  readonly #tally: LoadTally;
  readonly #clients: Client[] = [];
  readonly #dispatches: DispatchOptions[];
  /** Indexes into #clients, one per free pipeline slot. */
  readonly #freeSlots: number[] = [];
  readonly #schedule: ArrivalSchedule | undefined;
  /** Due times (local performance.now() ms) of requests due and not yet sent, oldest at #backlogHead. */
  #backlog: number[] = [];
  #backlogHead = 0;
  /** The next request of the schedule this thread owns (k), and its due time (local ms). */
  #k: number;
  #nextDue: number | undefined;
  #requestIndex = 0;
  #inFlight = 0;
  #ended = false;
  #closed = false;
  #timer: NodeJS.Timeout | undefined;
  #startEpochMs = 0;
  #startLocal = 0;
  /** Connections opened by connect() before the start, each taken by its Client's first connect. */
  readonly #preconnected: (net.Socket | undefined)[] = [];
  #drained: (() => void) | undefined;
  /** What an https connection is opened with (buildConnector's options, and connect()'s). */
  readonly #tlsOptions: tls.ConnectionOptions;

  constructor(share: ThreadShare) {
    this.#share = share;
    this.#tally = new LoadTally(share.arrival ? 'open' : 'closed');
    this.#dispatches = share.requests.map((r) => ({
      path: r.path,
      method: r.method as Dispatcher.HttpMethod,
      headers: r.headers ?? {},
      ...(r.body !== undefined ? { body: typeof r.body === 'string' ? Buffer.from(r.body) : Buffer.from(r.body) } : {}),
    }));
    const secure = share.tls ?? {};
    const tlsOptions = {
      rejectUnauthorized: secure.insecure !== true,
      ...(secure.ca !== undefined ? { ca: secure.ca } : {}),
      ...(secure.servername !== undefined ? { servername: secure.servername } : {}),
    };
    this.#tlsOptions = tlsOptions;
    const connector = buildConnector(tlsOptions);
    for (let c = 0; c < share.connections; c++) {
      this.#clients.push(
        new Client(share.origin, {
          pipelining: share.pipelining,
          headersTimeout: share.requestTimeoutMs,
          bodyTimeout: share.requestTimeoutMs,
          // The connection opened before the start, if it is still good; a new one for every reconnect.
          connect: (options, callback) => {
            const socket = this.#preconnected[c];
            this.#preconnected[c] = undefined;
            // Called back on a later tick, as undici's own connector does: undici is not re-entrant here.
            if (socket !== undefined && !socket.destroyed) process.nextTick(() => callback(null, socket));
            else connector(secure.servername !== undefined ? { ...options, servername: secure.servername } : options, callback);
          },
        }),
      );
      for (let p = 0; p < share.pipelining; p++) this.#freeSlots.push(c);
    }
    this.#k = share.index;
    if (share.arrival) this.#schedule = new ArrivalSchedule(share.arrival);
  }

  /**
   * Opens every connection before the start, as wrk2 does, so that the first requests do not pay for the
   * TCP handshake. A connection that cannot be opened is left to its Client, which tries again at the
   * first request and reports the error there.
   */
  async connect(): Promise<void> {
    const { hostname, port, protocol } = new URL(this.#share.origin);
    const host = hostname.replace(/^\[|\]$/g, '');
    const secure = protocol === 'https:';
    await Promise.all(
      this.#clients.map(
        (_, c) =>
          new Promise<void>((resolve) => {
            const socket = secure
              ? tls.connect({ ...this.#tlsOptions, host, port: Number(port || 443), ALPNProtocols: ['http/1.1'] })
              : net.connect({ host, port: Number(port || 80) });
            socket.setNoDelay(true);
            socket.once(secure ? 'secureConnect' : 'connect', () => {
              this.#preconnected[c] = socket;
              resolve();
            });
            const giveUp = (): void => {
              socket.destroy();
              resolve();
            };
            socket.once('error', giveUp);
            socket.setTimeout(CONNECT_TIMEOUT_MS, giveUp);
            socket.once(secure ? 'secureConnect' : 'connect', () => socket.setTimeout(0));
          }),
      ),
    );
  }

  /**
   * Runs the share from `startEpochMs` (on the axis performance.timeOrigin + performance.now() that every
   * thread shares) to its end, or until `signal` aborts, and returns what it measured.
   */
  async run(startEpochMs: number, signal?: AbortSignal, onProgress?: (p: LoadProgress) => void): Promise<LoadPart> {
    this.#startEpochMs = startEpochMs;
    this.#startLocal = startEpochMs - performance.timeOrigin;
    this.#nextDue = this.#localDue(this.#k);
    if (this.#share.resume) {
      const now = performance.now();
      while (this.#nextDue !== undefined && this.#nextDue < now) {
        this.#k += this.#share.count;
        this.#nextDue = this.#localDue(this.#k);
      }
    }
    const progress = onProgress ? setInterval(() => onProgress(this.progress()), 1000) : undefined;
    const end = this.#startLocal + (this.#schedule?.durationMs ?? this.#share.durationMs);
    const stop = (): void => this.#end(false);
    signal?.addEventListener('abort', stop, { once: true });
    try {
      await sleepUntil(this.#startLocal);
      if (!signal?.aborted) {
        const finished = new Promise<void>((resolve) => (this.#drained = resolve));
        if (this.#schedule) this.#tick();
        else this.#fillClosed();
        const endTimer = setTimeout(() => this.#end(true), Math.max(0, end - performance.now()));
        await finished;
        clearTimeout(endTimer);
      }
    } finally {
      signal?.removeEventListener('abort', stop);
      if (progress) clearInterval(progress);
    }
    const endEpoch = epochNow();
    await Promise.allSettled(this.#clients.map((c) => c.destroy()));
    for (const socket of this.#preconnected) socket?.destroy();
    return this.#tally.part(this.#startEpochMs, endEpoch);
  }

  /** What the thread counted so far (its latency histograms may be taken per interval: LoadTally.takeLatency). */
  get tally(): LoadTally {
    return this.#tally;
  }

  /** Requests sent and not yet ended. */
  get inFlight(): number {
    return this.#inFlight;
  }

  progress(): LoadProgress {
    return {
      elapsedMs: Math.max(0, performance.now() - this.#startLocal),
      sent: this.#tally.sent,
      completed: this.#tally.responses,
      errors: this.#tally.errorCount,
      backlog: this.#backlog.length - this.#backlogHead,
    };
  }

  #localDue(k: number): number | undefined {
    const due = this.#schedule?.dueAt(k);
    return due === undefined ? undefined : this.#startLocal + due;
  }

  /**
   * Open model: moves every request due by now into the backlog, sends what the free slots allow, sleeps
   * until the next due time. Node's timers fire on whole milliseconds, so a request is sent up to about
   * 1 ms after its due time (LoadResult.sendLateness; the same as the bench's wrk2-style reference with a
   * timer per connection: p50 0.75 vs 0.71 ms at 2000/s). Polling with setImmediate while a request is due
   * within the next 0.5 ms was measured (4 s at 2000/s, 1 thread): corrected p50 1.16 -> 0.19 ms, but CPU
   * per request 150 -> 400..520 µs (the thread spins whenever requests are closer than 0.5 ms), so it is
   * not done.
   *
   * What a request costs after its hand-over (measured against a raw-socket loop, 2000/s, 50 connections):
   * undici 7 writes a request on an idle keep-alive connection only after one turn of the event loop (its
   * idle-socket check, `scheduleIdleSocketValidation` in lib/dispatcher/client-h1.js, GHSA-35p6-xmwp-9g52:
   * bytes or a FIN the server sent meanwhile are read first). In the open model every connection is idle
   * when its next request falls due, so every request pays it: dispatch 3 µs, the turn to the check phase
   * 20..90 µs p50 on a loaded 2-core machine (12 µs on an idle loop), the write 10..13 µs; its response is
   * then read through the 'readable' path and llhttp. undici has no option to skip the check, so this is
   * part of duress's corrected and uncorrected latency (about 0.05..0.1 ms at p50).
   * Giving undici pipelining 2 (so that a request handed over in the previous one's onComplete is written
   * at once rather than after undici's setImmediate) was measured in the closed model: 18 % more CPU per
   * request and no more requests per second (16 paired 1 s rounds), so it is not done either.
   */
  #tick = (): void => {
    this.#timer = undefined;
    if (this.#ended) return;
    this.#takeDue(performance.now());
    this.#sendBacklog();
    if (this.#nextDue !== undefined) this.#timer = setTimeout(this.#tick, Math.max(0, this.#nextDue - performance.now()));
  };

  /** Moves every request of the schedule due by `now` into the backlog. */
  #takeDue(now: number): void {
    while (this.#nextDue !== undefined && this.#nextDue <= now) {
      this.#backlog.push(this.#nextDue);
      this.#tally.due++;
      this.#k += this.#share.count;
      this.#nextDue = this.#localDue(this.#k);
    }
  }

  #sendBacklog(): void {
    while (this.#backlogHead < this.#backlog.length && this.#freeSlots.length > 0) {
      const due = this.#backlog[this.#backlogHead++] as number;
      this.#send(this.#freeSlots.pop() as number, due);
    }
    if (this.#backlogHead === this.#backlog.length && this.#backlogHead > 0) {
      this.#backlog = [];
      this.#backlogHead = 0;
    }
  }

  #fillClosed(): void {
    while (this.#freeSlots.length > 0) this.#send(this.#freeSlots.pop() as number, undefined);
  }

  #send(client: number, due: number | undefined): void {
    const options = this.#dispatches[this.#requestIndex] as DispatchOptions;
    this.#requestIndex = (this.#requestIndex + 1) % this.#dispatches.length;
    this.#tally.sent++;
    this.#inFlight++;
    const now = performance.now();
    if (due !== undefined) this.#tally.sendLateness?.recordValue(micros(now - due));
    (this.#clients[client] as Client).dispatch(options, new RequestHandler(this, client, due, now));
  }

  /** A request ended (response or error): its slot is free again for the backlog or the closed loop. */
  done(handler: RequestHandler, status: number | undefined, error: Error | undefined): void {
    if (this.#closed) return;
    this.#inFlight--;
    const now = performance.now();
    if (error === undefined) {
      this.#tally.responses++;
      this.#tally.status(status ?? 0);
      this.#tally.uncorrected.recordValue(micros(now - handler.sentAt));
      if (handler.due !== undefined) this.#tally.corrected?.recordValue(micros(now - handler.due));
    } else {
      this.#tally.error(errorKind(error));
    }
    if (this.#ended) {
      if (this.#inFlight === 0) this.#finish();
      return;
    }
    // After an error undici is still failing the rest of that connection's queue (a refused connect fails
    // every request queued on it) and must not be given a new request in the middle: the slot comes back
    // on a later turn of the event loop. This also keeps a dead target from spinning the closed loop.
    if (error !== undefined) setImmediate(() => this.#release(handler.client));
    else this.#release(handler.client);
  }

  #release(client: number): void {
    if (this.#ended) return;
    this.#freeSlots.push(client);
    if (this.#schedule) this.#sendBacklog();
    else this.#send(this.#freeSlots.pop() as number, undefined);
  }

  received(bytes: number): void {
    this.#tally.bytesReceived += bytes;
  }

  /** The schedule (or the closed run's time) is over: what is still due unsent is the shortfall; in-flight requests get the drain timeout. */
  #end(complete: boolean): void {
    if (this.#ended) return;
    if (this.#timer) clearTimeout(this.#timer);
    // At the end of a complete schedule every request of it is due (Node's timers may fire up to 1 ms
    // early); on an early stop, those due by now. They still get their chance at a free slot.
    if (this.#schedule) {
      this.#takeDue(complete ? Number.POSITIVE_INFINITY : performance.now());
      this.#sendBacklog();
    }
    this.#ended = true;
    this.#tally.shortfall += this.#backlog.length - this.#backlogHead;
    this.#backlog = [];
    this.#backlogHead = 0;
    if (this.#inFlight === 0) {
      this.#finish();
      return;
    }
    const cutOff = setTimeout(() => {
      this.#tally.error('unfinished', this.#inFlight);
      this.#finish();
    }, this.#share.drainTimeoutMs);
    cutOff.unref();
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#drained?.();
  }
}

/** Whole microseconds, at least 1 (the histograms' lowest discernible value). */
function micros(ms: number): number {
  return Math.max(1, Math.round(ms * 1000));
}

/** The error's code when it has one (ECONNREFUSED, UND_ERR_SOCKET, …), else its class name. */
function errorKind(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : error.name || 'Error';
}

function sleepUntil(localMs: number): Promise<void> {
  const wait = localMs - performance.now();
  return wait <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * undici's handler for one request: notes the status and body bytes and reports the end to the thread.
 *
 * It uses undici's first handler interface (onConnect, onHeaders, onData, onComplete, onError), which
 * undici 7 still calls directly: the newer one (onRequestStart, onResponseStart, …) goes through an
 * adapter that allocates a controller and parses every header into an object for each request, which
 * costs about a fifth of the generator's time per request and shows in its latency tail.
 */
class RequestHandler implements Dispatcher.DispatchHandler {
  #status = 0;

  constructor(
    readonly thread: LoadThread,
    readonly client: number,
    /** Local ms; undefined in the closed model. */
    readonly due: number | undefined,
    readonly sentAt: number,
  ) {}

  onConnect(): void {}

  onHeaders(statusCode: number): boolean {
    this.#status = statusCode;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.thread.received(chunk.length);
    return true;
  }

  onComplete(): void {
    this.thread.done(this, this.#status, undefined);
  }

  onError(error: Error): void {
    this.thread.done(this, undefined, error);
  }
}
