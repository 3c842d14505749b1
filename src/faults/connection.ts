import type { Socket } from 'node:net';
import type { Clock } from '../engine/clock.js';
import type { Random } from '../engine/random.js';
import { Link } from './link.js';
import type { EndKind } from './toxic.js';
import type { ToxicCollection } from './toxic-collection.js';
import type { Direction } from './toxic-wrapper.js';

/** How long a closing socket may take to flush what was written before it is destroyed anyway. */
const CLOSE_FLUSH_MS = 5000;

/**
 * One proxied connection: the client socket, the upstream socket, and a link per direction. A link that
 * ends with `eof` half-closes its destination (the other direction keeps flowing); `close` closes the
 * destination once flushed, and the other link then ends as its source is gone; `reset` resets both.
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

  constructor(opts: { client: Socket; upstream: Socket; toxics: ToxicCollection; clock: Clock; random: Random; onClose: () => void }) {
    this.client = opts.client;
    this.upstream = opts.upstream;
    this.#toxics = opts.toxics;
    this.#onClose = opts.onClose;
    this.#linger0 = (['upstream', 'downstream'] as const).some((d) => opts.toxics.chain(d).some((t) => t.type === 'reset_peer'));
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
        dest,
        toxics: opts.toxics.chain(direction),
        clock: opts.clock,
        random: opts.random.fork(direction),
        onEnd: (kind) => this.#linkEnded(kind, source, dest),
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
  }

  /** Closes both sockets now (the proxy is going down or away). */
  destroy(): void {
    this.client.destroy();
    this.upstream.destroy();
    this.#finish();
  }

  #linkEnded(kind: EndKind, source: Socket, dest: Socket): void {
    if (kind === 'reset' || this.#linger0) {
      dest.resetAndDestroy();
      source.resetAndDestroy();
    } else if (kind === 'eof') {
      dest.end();
    } else {
      closeSoon(dest);
    }
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

function closeSoon(s: Socket): void {
  if (s.destroyed) return;
  const timer = setTimeout(() => s.destroy(), CLOSE_FLUSH_MS);
  timer.unref();
  s.end(() => {
    clearTimeout(timer);
    s.destroy();
  });
}
