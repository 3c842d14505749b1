import { once } from 'node:events';
import { closeSync, existsSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, write } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Writable } from 'node:stream';

/**
 * One way records reach a program (schema.ts INPUT_WAYS), as the feeder (feeder.ts) sees it: it hands
 * over one batch at a time when `writable`, and learns whether the program took it. A program that does
 * not take its input makes it not writable (a full socket or pipe: it blocks) or refuses it (an HTTP
 * answer other than 2xx, a refused connection): both are back-pressure, which the feeder measures; the
 * records stay owed and are offered again, never dropped.
 */
export interface ProgramInput {
  /** Resolves once the program can take records (its port accepts a connection), or rejects with why not. */
  open(signal: AbortSignal): Promise<void>;
  /** It can take a batch now. */
  readonly writable: boolean;
  /**
   * Hands a batch over. A stream takes it at once (true; `writable` turns false while its buffer is
   * full); an HTTP POST resolves with whether the program took it. False: refused, offered again later.
   */
  write(bytes: Buffer): boolean | Promise<boolean>;
  /** Times the program refused a batch or dropped the connection. */
  readonly refusals: number;
  /** Ends the input (end of file, a closed connection) and lets go of what it holds. */
  close(): Promise<void>;
  /** Called when it may have turned writable (a full buffer drained, a connection made): the feeder goes on at once. */
  onWritable?: () => void;
}

/** Wall ms between attempts to connect while a program starts, or after it dropped its input connection. */
const RECONNECT_WALL_MS = 50;
/** Wall ms between looks at whether a program opened the file it tails. */
const FILE_OPEN_POLL_WALL_MS = 20;

async function connectWithRetry(host: string, port: number, signal: AbortSignal): Promise<Socket> {
  for (;;) {
    signal.throwIfAborted();
    const socket = connect({ host, port });
    try {
      await once(socket, 'connect', { signal });
      return socket;
    } catch (err) {
      socket.destroy();
      if (signal.aborted) throw err;
      await new Promise((r) => setTimeout(r, RECONNECT_WALL_MS));
    }
  }
}

/** Lines to the program's TCP port; reconnects when it drops the connection. */
export class TcpInput implements ProgramInput {
  onWritable?: () => void;
  readonly #host: string;
  readonly #port: number;
  #socket: Socket | undefined;
  #full = false;
  #closed = false;
  refusals = 0;

  constructor(host: string, port: number) {
    this.#host = host;
    this.#port = port;
  }

  async open(signal: AbortSignal): Promise<void> {
    this.#adopt(await connectWithRetry(this.#host, this.#port, signal));
  }

  #adopt(socket: Socket): void {
    this.#socket = socket;
    this.#full = false;
    socket.on('drain', () => {
      this.#full = false;
      this.onWritable?.();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (this.#socket !== socket || this.#closed) return;
      this.#socket = undefined;
      this.refusals += 1;
      const again = new AbortController();
      setTimeout(() => {
        if (this.#closed) return;
        connectWithRetry(this.#host, this.#port, again.signal).then((s) => (this.#closed ? s.destroy() : this.#adopt(s)), () => {});
      }, RECONNECT_WALL_MS);
    });
  }

  get writable(): boolean {
    return this.#socket !== undefined && !this.#full;
  }

  write(bytes: Buffer): boolean {
    if (!this.#socket) return false;
    if (!this.#socket.write(bytes)) this.#full = true;
    return true;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const s = this.#socket;
    if (!s || s.destroyed) return;
    const closed = once(s, 'close');
    s.end();
    const limit = setTimeout(() => s.destroy(), 2000);
    await closed.catch(() => {}).finally(() => clearTimeout(limit));
  }
}

/** Batches POSTed to the program's HTTP endpoint, one request at a time on a kept-alive connection. */
export class HttpInput implements ProgramInput {
  readonly #host: string;
  readonly #port: number;
  readonly #path: string;
  readonly #contentType: string;
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 1 });
  #inFlight = false;
  refusals = 0;

  constructor(host: string, port: number, path: string, contentType: string) {
    this.#host = host;
    this.#port = port;
    this.#path = path;
    this.#contentType = contentType;
  }

  async open(signal: AbortSignal): Promise<void> {
    (await connectWithRetry(this.#host, this.#port, signal)).destroy();
  }

  get writable(): boolean {
    return !this.#inFlight;
  }

  write(bytes: Buffer): Promise<boolean> {
    this.#inFlight = true;
    return new Promise<boolean>((resolve) => {
      const req = request(
        { host: this.#host, port: this.#port, path: this.#path, method: 'POST', agent: this.#agent, headers: { 'content-type': this.#contentType, 'content-length': bytes.length } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300));
          res.on('error', () => resolve(false));
        },
      );
      req.on('error', () => resolve(false));
      req.end(bytes);
    }).then((taken) => {
      this.#inFlight = false;
      if (!taken) this.refusals += 1;
      return taken;
    });
  }

  async close(): Promise<void> {
    this.#agent.destroy();
  }
}

/**
 * Lines appended to a file the program tails. Rotated as logrotate does it by default: at `rotate` bytes
 * the file is renamed to `<file>.1` (the previous `.1` goes) and a new, empty one is started, so a program
 * that follows the name must notice the rotation. A disk takes everything: no back-pressure here.
 *
 * The load starts once the program holds the file open (a link to it among /proc/<pid>/fd): records
 * appended, and rotated away, before it opened the file are records it could never read, through no fault
 * of its own. Where /proc cannot tell (not Linux), the load starts at once.
 */
export class FileInput implements ProgramInput {
  readonly #file: string;
  readonly #rotate: number;
  /** Its path with every link resolved, as /proc/<pid>/fd shows it. */
  readonly #realPath: string;
  #fd: number;
  #size = 0;
  #writing = false;
  #closed = false;
  /** Rotations so far. */
  rotations = 0;
  readonly refusals = 0;
  /** The program's process id, set once it started: `open` waits for it to open the file. */
  readerPid = 0;

  constructor(file: string, rotate: number) {
    this.#file = file;
    this.#rotate = rotate;
    // Made at once, empty, so a program that tails it finds it when it starts.
    this.#fd = openSync(file, 'a');
    this.#realPath = realpathSync(file);
  }

  async open(signal: AbortSignal): Promise<void> {
    if (!existsSync('/proc/self/fd')) return;
    while (!this.#openedBy(this.readerPid)) {
      signal.throwIfAborted();
      await new Promise((r) => setTimeout(r, FILE_OPEN_POLL_WALL_MS));
    }
  }

  /** Process `pid` has the input file open now. */
  #openedBy(pid: number): boolean {
    if (pid <= 0) return false;
    try {
      const dir = `/proc/${pid}/fd`;
      return readdirSync(dir).some((fd) => {
        try {
          return readlinkSync(`${dir}/${fd}`) === this.#realPath;
        } catch {
          return false; // closed meanwhile
        }
      });
    } catch {
      return false; // not started yet, or gone (its exit is the watchdog's to judge)
    }
  }

  get writable(): boolean {
    return !this.#writing && !this.#closed;
  }

  write(bytes: Buffer): Promise<boolean> {
    this.#writing = true;
    return new Promise<boolean>((resolve) => {
      const rest = (from: number): void => {
        write(this.#fd, bytes, from, bytes.length - from, null, (err, n) => {
          if (err) return resolve(false);
          if (from + n < bytes.length) return rest(from + n);
          this.#size += bytes.length;
          if (this.#size >= this.#rotate) this.#rotateNow();
          resolve(true);
        });
      };
      rest(0);
    }).finally(() => (this.#writing = false));
  }

  #rotateNow(): void {
    closeSync(this.#fd);
    rmSync(`${this.#file}.1`, { force: true });
    renameSync(this.#file, `${this.#file}.1`);
    this.#fd = openSync(this.#file, 'a');
    this.#size = 0;
    this.rotations += 1;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    while (this.#writing) await new Promise((r) => setTimeout(r, 5));
    closeSync(this.#fd);
  }
}

/** Lines written to the program's standard input (a pipe: a program that stops reading fills it, and blocks us). */
export class StdinInput implements ProgramInput {
  onWritable?: () => void;
  readonly #stdin: Writable;
  #full = false;
  #broken = false;
  refusals = 0;

  constructor(stdin: Writable) {
    this.#stdin = stdin;
    stdin.on('drain', () => {
      this.#full = false;
      this.onWritable?.();
    });
    stdin.on('error', () => {
      if (!this.#broken) this.refusals += 1;
      this.#broken = true;
    });
  }

  async open(): Promise<void> {}

  get writable(): boolean {
    return !this.#full && !this.#broken;
  }

  write(bytes: Buffer): boolean {
    if (!this.#stdin.write(bytes)) this.#full = true;
    return true;
  }

  async close(): Promise<void> {
    if (this.#broken || this.#stdin.writableEnded) return;
    const finished = once(this.#stdin, 'finish').catch(() => {});
    this.#stdin.end();
    const limit = new Promise((r) => setTimeout(r, 2000).unref());
    await Promise.race([finished, limit]);
  }
}
