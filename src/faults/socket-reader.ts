import net from 'node:net';

/** The read buffer of a socket that has carried only small reads lately (an idle or chatty connection). */
const SMALL_READ_BYTES = 4 * 1024;
/** The read buffer of a busy socket: what libuv suggests per read, and what Node allocates per read by default. */
const LARGE_READ_BYTES = 64 * 1024;
/** Consecutive reads of at most half the small size after which a large buffer is given back. */
const SHRINK_AFTER_SMALL_READS = 16;

/**
 * Where a socket's data goes: `data` is valid only until `deliver` returns when it is a view of the reader's
 * reused buffer. A handler that keeps it longer takes `reader.keep(data)` (a copy when needed), or, when it
 * handed `data` to a write that did not complete at once, calls `reader.lend()`.
 */
export type ReadHandler = (data: Buffer) => void;

/**
 * Reads one socket into a buffer that is reused from read to read (`net.Socket`'s `onread` option), so
 * bulk data through the proxy costs no allocation per read. By default Node allocates an ArrayBuffer of up
 * to 64 KiB for every read; that garbage, about one object per 64 KiB carried, is what the proxy's thread
 * spent most of its GC on (scavenges for external memory pressure and, in a heap past V8's 8 MB marking
 * threshold, a mark-compact every 30-40 MiB), where the bare Node pipe it is compared with paid little.
 *
 * The buffer is shared by nothing else: the socket reads into it, the handler runs, and the next read
 * reuses it unless the handler lent it out (a write queued it). Then the next read gets a fresh one. A
 * socket holds a 4 KiB buffer until a read fills it, then 64 KiB until 16 reads in a row were small; so a
 * connection that has only seen small messages costs 8 KiB for its two directions, one that carried bulk
 * at most 128 KiB (Toxiproxy's links copy through io.Copy, a 32 KiB buffer each way in and out of a link).
 *
 * A socket made without the reader's `onread` (see `adoptAccepted`) is read the default way, through
 * 'data' events; its chunks are the handler's to keep, and `keep` and `lend` do nothing for them.
 */
export class SocketReader {
  /** Made at the socket's first read request, so a reader of a plain socket holds none. */
  #buffer: Buffer | null = null;
  #lent = false;
  #large = false;
  #smallReads = 0;
  #handler: ReadHandler | null = null;
  /** Copies of what was read before a handler was set (the sockets start paused, so normally nothing). */
  #early: Buffer[] = [];
  #viaOnread = false;
  /**
   * Reads taken into this reader's buffer, and how often that buffer was lent to a pending write (so the
   * next read took a fresh one): for inspection and tests.
   */
  readonly stats = { reusedReads: 0, lent: 0 };

  /** The `onread` option for the socket's constructor; using it makes the socket read into this reader. */
  readonly onread = {
    buffer: (): Buffer => {
      this.#viaOnread = true;
      return this.#nextBuffer();
    },
    callback: (bytes: number, buffer: Uint8Array): boolean => {
      this.#sizeFor(bytes, buffer.length);
      this.stats.reusedReads++;
      const view = Buffer.from(buffer.buffer, buffer.byteOffset, bytes);
      // (A view, not a copy: Buffer.from of an ArrayBuffer shares its memory.)
      if (this.#handler) this.#handler(view);
      else this.#early.push(Buffer.from(view));
      return true;
    },
  };

  /** Whether the socket reads into this reader's reused buffer (set once the socket has its handle). */
  get reusesBuffer(): boolean {
    return this.#viaOnread;
  }

  /**
   * Starts handing `socket`'s data to `handler`. A socket without this reader's `onread` gets a 'data'
   * listener. Does not resume the socket.
   */
  start(socket: net.Socket, handler: ReadHandler): void {
    this.#handler = handler;
    if (!this.#viaOnread) socket.on('data', handler);
    for (const c of this.#early.splice(0)) handler(c);
  }

  /** `data` as a Buffer the caller may keep: a copy when it is a view of the reused buffer. */
  keep(data: Buffer): Buffer {
    return data.buffer === this.#buffer?.buffer ? Buffer.from(data) : data;
  }

  /** The current buffer is held by a pending write: the next read must not overwrite it. */
  lend(): void {
    if (!this.#viaOnread || this.#lent) return;
    this.#lent = true;
    this.stats.lent++;
  }

  /** Grows to the large buffer when a read filled the buffer, shrinks after a run of small reads. */
  #sizeFor(bytes: number, capacity: number): void {
    if (bytes === capacity) {
      this.#large = true;
      this.#smallReads = 0;
    } else if (bytes <= SMALL_READ_BYTES / 2) {
      if (++this.#smallReads >= SHRINK_AFTER_SMALL_READS) this.#large = false;
    } else this.#smallReads = 0;
  }

  #nextBuffer(): Buffer {
    const size = this.#large ? LARGE_READ_BYTES : SMALL_READ_BYTES;
    if (this.#lent || this.#buffer?.length !== size) {
      this.#buffer = Buffer.allocUnsafeSlow(size);
      this.#lent = false;
    }
    return this.#buffer;
  }
}

/** What adoptAccepted reads of an accepted socket: its libuv handle (Node's `_handle`, not public API). */
interface WithHandle {
  _handle?: { readStart?: unknown; readStop?: unknown; reading?: boolean } | null;
}

/**
 * An accepted socket re-made so that it reads into `reader`'s reused buffer; or, where that cannot be
 * done, the socket itself, which `reader` then reads the default way.
 *
 * Node gives `onread` to sockets it constructs for `net.connect`, but not to those a `net.Server` accepts
 * (nodejs/node lib/net.js `onconnection`). So the accepted socket's handle, not yet reading (the server
 * pauses on connect), is moved to a new `net.Socket` made with `onread`, as Node's own `onconnection`
 * makes one from a handle; the old socket, left without a handle, is destroyed, which also gives the
 * server back its count of it (so `server.close()` does not wait for this connection: the proxy closes its
 * connections itself). `_handle` and the `handle` option are Node internals, unchanged from Node 12 to 24;
 * if they change, this falls back to the plain socket, and test/integration/faults/proxy-read-buffer says so.
 */
export function adoptAccepted(accepted: net.Socket, reader: SocketReader, options: { allowHalfOpen: boolean }): net.Socket {
  const old = accepted as unknown as WithHandle;
  const handle = old._handle;
  if (!handle || typeof handle.readStart !== 'function' || typeof handle.readStop !== 'function' || handle.reading === true) return accepted;
  old._handle = null;
  accepted.destroy();
  return new net.Socket({
    handle,
    allowHalfOpen: options.allowHalfOpen,
    readable: true,
    writable: true,
    pauseOnCreate: true,
    onread: reader.onread,
  } as net.SocketConstructorOpts);
}
