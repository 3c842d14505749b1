import type { Clock } from '../core/clock.js';

/**
 * Produces records at a fixed rate of scenario time: the input of the forwarder and of output modules.
 * Record k is *scheduled* at start + k / rate; the generator hands records over on a short timer, and each
 * carries its scheduled time, so latency counted from it includes any time the input was held back (no
 * coordinated omission).
 *
 * `accept` returns false when the consumer cannot take a record now (input paused): the record stays
 * owed and is offered again on the next tick, with its original scheduled time.
 */
export class RateGenerator {
  readonly #perMs: number;
  readonly #clock: Clock;
  readonly #tickWallMs: number;
  #startAt = 0;
  #produced = 0;
  #timer: NodeJS.Timeout | undefined;
  #accept: ((seq: number, scheduledAt: number) => boolean) | undefined;
  #onTick: (() => void) | undefined;
  /** Ticks on which the consumer refused a record (input paused). */
  pausedTicks = 0;

  /** `rate` in records per scenario second. */
  constructor(rate: number, clock: Clock) {
    this.#perMs = rate / 1000;
    this.#clock = clock;
    // Fine enough that the hand-over delay stays small against a flush interval, coarse enough to be cheap:
    // 10 ms of scenario time, but never finer than one record's interval (Fluent Bit's dummy input, too,
    // wakes once per record at its rate), and within 1..10 ms of wall time. At high clock speeds the 1 ms
    // floor used to wake a slow input (5/s at speed 60: one record per 3.3 wall ms) three times per record.
    this.#tickWallMs = Math.min(10, Math.max(1, clock.toWall(Math.max(10, 1000 / rate))));
  }

  get produced(): number {
    return this.#produced;
  }

  /** Records scheduled so far, produced or still owed. */
  due(): number {
    return this.#accept ? Math.floor((this.#clock.now() - this.#startAt) * this.#perMs) : 0;
  }

  start(accept: (seq: number, scheduledAt: number) => boolean, onTick: () => void): void {
    this.#accept = accept;
    this.#onTick = onTick;
    this.#startAt = this.#clock.now();
    // On the clock, so that an instance's scope (a pause, a kill) holds it like every other timer.
    this.#timer = this.#clock.setInterval(() => this.#tick(), this.#clock.toScenario(this.#tickWallMs));
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    const accept = this.#accept;
    if (!accept) return;
    const due = Math.floor((this.#clock.now() - this.#startAt) * this.#perMs);
    // Bounded per tick so a long pause cannot block the event loop when the input resumes.
    const limit = Math.min(due, this.#produced + 20_000);
    while (this.#produced < limit) {
      if (!accept(this.#produced, this.#startAt + this.#produced / this.#perMs)) {
        this.pausedTicks += 1;
        break;
      }
      this.#produced += 1;
    }
    this.#onTick?.();
  }
}
