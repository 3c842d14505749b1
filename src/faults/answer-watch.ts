import type { Connection } from './connection.js';

interface Seen {
  /** Bytes read from the client (sent upstream) and from the upstream (its answers), at the last look. */
  up: number;
  down: number;
  /** Clock ms when each last grew. */
  upAt: number;
  downAt: number;
}

/**
 * A proxy's in-flight view: whether a connection has carried bytes to the upstream (a request to the sink)
 * that the upstream has not answered since, and since when. It costs nothing on the data path: it reads the
 * sockets' own byte counters when asked and compares them with what it saw the last time, so its precision is
 * the asker's period (the watchdog asks every 50 ms). A connection first seen with bytes both ways counts as
 * answered: the order cannot be told.
 */
export class AnswerWatch {
  readonly #seen = new WeakMap<Connection, Seen>();

  /** The earliest clock ms since which one of `connections` awaits an answer, or null when none does. */
  awaitingSince(connections: Iterable<Connection>, now: number): number | null {
    let earliest: number | null = null;
    for (const c of connections) {
      const up = c.client.bytesRead;
      const down = c.upstream.bytesRead;
      let s = this.#seen.get(c);
      if (!s) {
        s = { up, down, upAt: up > 0 ? now : -Infinity, downAt: down > 0 ? now : -Infinity };
        this.#seen.set(c, s);
      } else {
        if (up !== s.up) s.upAt = now;
        if (down !== s.down) s.downAt = now;
        s.up = up;
        s.down = down;
      }
      if (s.upAt > s.downAt && (earliest === null || s.upAt < earliest)) earliest = s.upAt;
    }
    return earliest;
  }
}
