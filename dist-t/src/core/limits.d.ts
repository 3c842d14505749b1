/**
 * What a scenario may ask for at most, whatever the machine: values past these are mistakes (a typo, a
 * unit slip) or would take the machine down, and are refused with a message that says the limit. What a
 * given machine can keep up with is a different question, answered with a warning (capacity.ts).
 */
/** Each instance is a worker thread with its own V8 heap (about 10 MB at rest), so 1,000 is about 10 GB. */
export declare const MAX_INSTANCES = 1000;
/** Instances one worker thread may host (src/systems/isolation/shared-worker.ts). */
export declare const MAX_INSTANCES_PER_WORKER = 64;
/** Cells of a matrix (the product of its dimensions' values); every cell runs its instances side by side. */
export declare const MAX_CELLS = 256;
/** Records or messages per second of one instance or one publisher, in scenario time. */
export declare const MAX_RATE_PER_SECOND = 1000000;
/** Bytes of one record or message: 1 MiB, the largest batch CloudWatch Logs takes, and far beyond its 256 KiB event. */
export declare const MAX_RECORD_BYTES: number;
/** Clients of a broker of each kind (publishers, subscribers, peers), and topics. */
export declare const MAX_CLIENTS = 1000;
/** Scenario seconds per wall second; beyond this, durations of milliseconds become nanoseconds of wall time. */
export declare const MAX_CLOCK_SPEED = 100000;
/**
 * The longest a Node.js timer can wait: 2^31-1 ms, about 24.8 days. A longer delay is not an error for
 * Node: it warns and fires after 1 ms, so a 30-day latency toxic would become 1 ms. Every duration of a
 * scenario becomes a timer of duration / clock.speed wall ms (the run, faults, intervals, timeouts), so
 * each is limited to this much wall time.
 */
export declare const TIMER_MAX_WALL_MS: number;
/**
 * Runs `validate` with the clock speed of the scenario it checks, so that its duration fields can refuse
 * what would not fit in a timer at that speed (zod has no parse context to carry it). Validation is
 * synchronous, so no other validation can see this speed.
 */
export declare function withClockSpeed<T>(speed: unknown, validate: () => T): T;
/** The longest scenario duration a timer can hold at the speed being validated. */
export declare function longestDurationMs(): number;
/** Why a duration is too long, for the schema's message. */
export declare function tooLongMessage(ms: number): string;
