import { once } from 'node:events';
import net from 'node:net';

/** A TCP server on 127.0.0.1, port 0, that tracks its sockets and closes them all on `close()`. */
export interface TestServer {
  port: number;
  address: string;
  sockets: Set<net.Socket>;
  close(): Promise<void>;
}

async function serve(handler: (s: net.Socket) => void, opts: net.ServerOpts = {}): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer(opts, (s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
    handler(s);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    address: `127.0.0.1:${port}`,
    sockets,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Echoes every byte back; ends its side when the client ends. */
export function startEchoServer(): Promise<TestServer> {
  return serve((s) => s.pipe(s));
}

/** A sink that records every byte it receives, per connection, and whether the peer ended or reset. */
export interface SinkServer extends TestServer {
  received: Buffer[][];
  /** Resolves with the connection's bytes once it ended or closed. */
  finished: Promise<{ data: Buffer; how: 'end' | 'close' }>[];
  /** Resolves when `n` connections have been accepted. */
  accepted(n: number): Promise<void>;
}

export async function startSinkServer(): Promise<SinkServer> {
  const received: Buffer[][] = [];
  const finished: Promise<{ data: Buffer; how: 'end' | 'close' }>[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const base = await serve((s) => {
    const chunks: Buffer[] = [];
    received.push(chunks);
    s.on('data', (d: Buffer) => chunks.push(d));
    finished.push(
      new Promise((resolve) => {
        s.once('end', () => resolve({ data: Buffer.concat(chunks), how: 'end' }));
        s.once('close', () => resolve({ data: Buffer.concat(chunks), how: 'close' }));
      }),
    );
    for (const w of waiters.filter((x) => x.n <= received.length)) w.resolve();
  });
  return {
    ...base,
    received,
    finished,
    accepted: (n) =>
      n <= received.length ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve })),
  };
}

/** On every connection, writes `payload(i)` once the client has sent anything (i: connection index). */
export function startSendServer(payload: (i: number) => Buffer): Promise<TestServer> {
  let i = 0;
  return serve((s) => {
    const n = i++;
    s.once('data', () => s.write(payload(n)));
  });
}

/** Connects to 127.0.0.1:port; rejects on error. */
export function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host: '127.0.0.1', noDelay: true }, () => {
      s.off('error', reject);
      resolve(s);
    });
    s.once('error', reject);
  });
}

/** Rejects after `ms` with a message saying what was awaited, so a stuck wait fails the test instead of hanging it. */
export function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

/** Reads exactly `n` bytes (resolves with them), counting the 'data' events it took. */
export function readBytes(s: net.Socket, n: number): Promise<{ data: Buffer; events: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let got = 0;
    let events = 0;
    const cleanup = (): void => {
      s.off('data', onData);
      s.off('close', onClose);
    };
    const onData = (d: Buffer): void => {
      events++;
      chunks.push(d);
      got += d.length;
      if (got >= n) {
        cleanup();
        resolve({ data: Buffer.concat(chunks).subarray(0, n), events });
      }
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error(`socket closed after ${got} of ${n} bytes`));
    };
    s.on('data', onData);
    s.on('close', onClose);
  });
}

/** Everything the socket delivers until it ends or closes, and how it finished ('end', or the error code). */
export function readToEnd(s: net.Socket): Promise<{ data: Buffer; how: string; events: number }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let events = 0;
    let how = 'close';
    s.on('data', (d: Buffer) => {
      events++;
      chunks.push(d);
    });
    s.once('end', () => {
      how = 'end';
      resolve({ data: Buffer.concat(chunks), how, events });
    });
    s.once('error', (err: NodeJS.ErrnoException) => {
      how = err.code ?? err.message;
    });
    s.once('close', () => resolve({ data: Buffer.concat(chunks), how, events }));
  });
}

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** `count` 32-bit big-endian sequence numbers: any lost, repeated or overwritten stretch of a stream shows. */
export function numbered(count: number): Buffer {
  const b = Buffer.alloc(count * 4);
  for (let i = 0; i < count; i++) b.writeUInt32BE(i, i * 4);
  return b;
}

/** The first index where two buffers differ, or -1. */
export function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}
