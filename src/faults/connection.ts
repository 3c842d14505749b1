import type { Socket } from 'node:net';
import type { Clock } from '../core/clock.js';
import type { Random } from '../core/random.js';
import { Link } from './link.js';
import type { SocketReader } from './socket-reader.js';
import { isResetting, type EndKind } from './toxic.js';
import type { ToxicCollection } from './toxic-collection.js';
import type { Direction } from './toxic-wrapper.js';

/** How long a closing socket may take to flush what was written before it is destroyed anyway. */
const CLOSE_FLUSH_MS = 5000;

/**
 * One proxied connection: the client socket, the upstream socket, and a link per direction. When a link
 * ends, however its source ended (a FIN, `eof`, or a close), its destination socket is closed, not
 * half-closed, once what was written is flushed; and since that socket is the other link's source, the
 * other link stops reading there and ends too, after delivering what its toxics still hold. This is
 * Toxiproxy's behaviour (link.go: the writer calls `dest.Close()` when its chain ends, and the other
 * direction's reader then fails on the closed socket): a FIN from either side tears the whole connection
 * down, so a client that half-closes never gets a reply sent after its FIN. `reset` resets both sockets.
 * When both sockets are closed the connection is over.
 *
 * As in Toxiproxy (link.go), when a reset_peer toxic is on either chain as the connection starts, both
 * sockets get linger 0: from then on every close of this connection, whoever starts it, is an RST.
 */
export class Connection {
  readonly client: Socket;
  readonly upstream: Socket;
  readonly #links: Link[] = [];
  readonly #toxics: ToxicCollection;
  #closedSockets = 0;
  #onClose: () => void;
  #done = false;
  readonly #linger0: boolean;

  /**
   * `readers` read the client and the upstream socket (see SocketReader); each socket must have been made
   * with its reader's `onread`, or the reader reads it the default way. Both sockets must be paused (not
   * yet read) until `start`.
   */
  constructor(opts: {
    client: Socket;
    upstream: Socket;
    readers?: { client: SocketReader; upstream: SocketReader };
    toxics: ToxicCollection;
    clock: Clock;
    random: Random;
    onClose: () => void;
  }) {
    this.client = opts.client;
    this.upstream = opts.upstream;
    this.#toxics = opts.toxics;
    this.#onClose = opts.onClose;
    this.#linger0 = (['upstream', 'downstream'] as const).some((d) => opts.toxics.chain(d).some((t) => isResetting(t.toxic)));
    for (const s of [this.client, this.upstream]) {
      s.setNoDelay(true);
      s.on('error', () => {});
      s.once('close', () => {
        if (++this.#closedSockets === 2) this.#finish();
      });
    }
    const make = (direction: Direction, source: Socket, dest: Socket): Link =>
      new Link({
        direction,
        source,
        reader: direction === 'upstream' ? opts.readers?.client : opts.readers?.upstream,
        dest,
        toxics: opts.toxics.chain(direction),
        clock: opts.clock,
        random: opts.random.fork(direction),
        onEnd: (kind) => this.#linkEnded(kind, direction),
      });
    this.#links.push(make('upstream', this.client, this.upstream), make('downstream', this.upstream, this.client));
    for (const l of this.#links) this.#toxics.addLink(l);
  }

  /** The upstream and downstream links, in that order. */
  get links(): readonly Link[] {
    return this.#links;
  }

  start(): void {
    for (const l of this.#links) l.start();
    this.client.resume();
    this.upstream.resume();
  }

  /** Closes both sockets now (the proxy is going down or away). */
  destroy(): void {
    this.client.destroy();
    this.upstream.destroy();
    this.#finish();
  }

  #linkEnded(kind: EndKind, direction: Direction): void {
    const [dest, source, other] =
      direction === 'upstream' ? [this.upstream, this.client, this.#links[1]] : [this.client, this.upstream, this.#links[0]];
    if (kind === 'reset' || this.#linger0) {
      resetSocket(dest);
      resetSocket(source);
      return;
    }
    closeSoon(dest);
    other?.cutSource();
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    for (const l of this.#links) {
      l.destroy();
      this.#toxics.removeLink(l);
    }
    this.#onClose();
  }
}

/**
 * Closes a socket with an RST (linger 0, as Toxiproxy's reset), unless it is being closed politely
 * already: a socket `closeSoon` ended may have its shutdown still pending (it waits for the socket to be
 * writable: the next turn of the loop, or longer while the peer reads nothing), and libuv refuses to reset
 * such a socket (uv_tcp_close_reset: EINVAL). Node then emits an 'error' and never closes the handle: no
 * 'close' ever comes, the connection is never over, and the process can never exit (it spins at exit,
 * waiting for that handle). That socket is closed instead: its peer sees the FIN it was already being sent.
 */
function resetSocket(s: Socket): void {
  if (s.writableEnded && !s.writableFinished) s.destroy();
  else s.resetAndDestroy();
}

function closeSoon(s: Socket): void {
  if (s.destroyed) return;
  const timer = setTimeout(() => s.destroy(), CLOSE_FLUSH_MS);
  timer.unref();
  s.end(() => {
    clearTimeout(timer);
    s.destroy();
  });
}
