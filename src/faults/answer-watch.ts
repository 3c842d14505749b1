import type { Connection } from './connection.js';

/**
 * A proxy's in-flight view: whether a connection has carried data to the upstream (a request to the sink)
 * that the upstream has not answered since, and since when. Which side spoke last is exact: each link notes
 * its last data's place in one order across all links (Link.lastDataOrder, an increment per chunk on the data
 * path, nothing more). When the request was sent is the time of the first look that saw it, so its
 * precision is the asker's period (the watchdog asks every 50 ms).
 */
export class AnswerWatch {
  /** Per connection: the upstream link's lastDataOrder at the last look, and the clock ms it was first seen. */
  readonly #seen = new WeakMap<Connection, { order: number; at: number }>();

  /** The earliest clock ms since which one of `connections` awaits an answer, or null when none does. */
  awaitingSince(connections: Iterable<Connection>, now: number): number | null {
    let earliest: number | null = null;
    for (const c of connections) {
      const [up, down] = c.links;
      if (!up || !down) continue;
      let s = this.#seen.get(c);
      if (!s || s.order !== up.lastDataOrder) {
        s = { order: up.lastDataOrder, at: now };
        this.#seen.set(c, s);
      }
      if (up.lastDataOrder > down.lastDataOrder && (earliest === null || s.at < earliest)) earliest = s.at;
    }
    return earliest;
  }
}
