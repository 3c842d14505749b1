import { formatDuration } from './units.js';

/**
 * What a scenario may ask for at most, whatever the machine: values past these are mistakes (a typo, a
 * unit slip) or would take the machine down, and are refused with a message that says the limit. What a
 * given machine can keep up with is a different question, answered with a warning (capacity.ts).
 */

/** Each instance is a worker thread with its own V8 heap (about 10 MB at rest), so 1,000 is about 10 GB. */
export const MAX_INSTANCES = 1000;
/** Instances one worker thread may host (src/systems/isolation/shared-worker.ts). */
export const MAX_INSTANCES_PER_WORKER = 64;
/** Cells of a matrix (the product of its dimensions' values); every cell runs its instances side by side. */
export const MAX_CELLS = 256;
/** Records or messages per second of one instance or one publisher, in scenario time. */
export const MAX_RATE_PER_SECOND = 1_000_000;
/** Bytes of one record or message: 1 MiB, the largest batch CloudWatch Logs takes, and far beyond its 256 KiB event. */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** Clients of a broker of each kind (publishers, subscribers, peers), and topics. */
export const MAX_CLIENTS = 1000;
/** Scenario seconds per wall second; beyond this, durations of milliseconds become nanoseconds of wall time. */
export const MAX_CLOCK_SPEED = 100_000;

/**
 * The longest a Node.js timer can wait: 2^31-1 ms, about 24.8 days. A longer delay is not an error for
 * Node: it warns and fires after 1 ms, so a 30-day latency toxic would become 1 ms. Every duration of a
 * scenario becomes a timer of duration / clock.speed wall ms (the run, faults, intervals, timeouts), so
 * each is limited to this much wall time.
 */
export const TIMER_MAX_WALL_MS = 2 ** 31 - 1;

/** The clock speed of the scenario being validated; see `withClockSpeed`. */
let validatingSpeed = 1;

/**
 * Runs `validate` with the clock speed of the scenario it checks, so that its duration fields can refuse
 * what would not fit in a timer at that speed (zod has no parse context to carry it). Validation is
 * synchronous, so no other validation can see this speed.
 */
export function withClockSpeed<T>(speed: unknown, validate: () => T): T {
  const before = validatingSpeed;
  validatingSpeed = typeof speed === 'number' && Number.isFinite(speed) && speed > 0 ? speed : 1;
  try {
    return validate();
  } finally {
    validatingSpeed = before;
  }
}

/** The longest scenario duration a timer can hold at the speed being validated. */
export function longestDurationMs(): number {
  return TIMER_MAX_WALL_MS * validatingSpeed;
}

/** Why a duration is too long, for the schema's message. */
export function tooLongMessage(ms: number): string {
  const speed = validatingSpeed;
  const limit = formatDuration(Math.floor(longestDurationMs()));
  const why = 'the longest a Node.js timer can wait is 2^31-1 ms, about 24.8 days of wall time';
  return speed === 1
    ? `expected at most ${limit} (${why}), got ${formatDuration(ms)}`
    : `expected at most ${limit} at clock.speed ${speed} (${why}), got ${formatDuration(ms)}`;
}
