/**
 * The unit strings of scenario files, and their resolution to plain numbers.
 *
 * - Durations resolve to milliseconds: `500ms`, `10s`, `2m`, `2h`, `1d`, decimals (`1.5s`) and compounds
 *   (`1h30m`). A plain number is refused (is `500` ms or seconds?), except `0`.
 * - Rates resolve to events per second: `2000/s`, `120/m`, `10/h`. A plain number means per second.
 * - Sizes resolve to whole bytes: `200B`, `64KB`, `64MB`, `1GB`, `512KiB`. Like Fluent Bit
 *   (`flb_utils_size_to_bytes`), K/KB, M/MB, G/GB and T/TB are powers of 1024 (`64MB` = 64 * 1024 * 1024),
 *   the same as KiB, MiB, GiB and TiB; unit letters are case-insensitive. A plain number means bytes.
 *
 * The patterns are exported for the JSON Schema, so editors check exactly what the loader accepts.
 */
/** A unit string or value that cannot be resolved; the message says what was expected and what was given. */
export declare class UnitError extends Error {
    constructor(message: string);
}
/** One or more `<number><unit>` parts: `10s`, `1.5h`, `1h30m`. `ms` comes before `m` so `5ms` is not `5m` + `s`. */
export declare const DURATION_PATTERN: RegExp;
export declare const RATE_PATTERN: RegExp;
export declare const SIZE_PATTERN: RegExp;
/** `10s..30s`: a duration drawn uniformly (with the run's seed) between two bounds. */
export declare const DURATION_RANGE_PATTERN: RegExp;
/** `~20m`: random repetition, exponential gaps with this mean. */
export declare const RANDOM_INTERVAL_PATTERN: RegExp;
/** How a bad value reads in a message: strings quoted, other values as YAML would show them. */
export declare function describeInput(input: unknown): string;
/** The message for a value that is not a duration. Also used by the schema, so both say the same. */
export declare function badDurationMessage(input: unknown): string;
export declare function badRateMessage(input: unknown): string;
export declare function badSizeMessage(input: unknown): string;
/** `10s` → 10000. Milliseconds; throws UnitError for anything but a duration string or the number 0. */
export declare function parseDuration(input: string | number): number;
/** The message for a value that is neither a duration nor a range of durations. */
export declare function badDurationRangeMessage(input: unknown): string;
/** The message for a value that is not a repetition interval. */
export declare function badRepeatMessage(input: unknown): string;
/** `30s` → { min: 30000, max: 30000 }; `10s..30s` → { min: 10000, max: 30000 }. Bounds are not ordered here. */
export declare function parseDurationRange(input: string): {
    min: number;
    max: number;
};
/** `10m` → periodic every 600000 ms; `~20m` → random with a mean gap of 1200000 ms. */
export declare function parseRepeat(input: string): {
    kind: 'periodic';
    interval: number;
} | {
    kind: 'random';
    mean: number;
};
/** `120/m` → 2. Events per second; a plain number is already per second. */
export declare function parseRate(input: string | number): number;
/** `64MB` → 67108864. Whole bytes (rounded); K, M, G and T are powers of 1024, as in Fluent Bit. */
export declare function parseSize(input: string | number): number;
/**
 * 7200000 → `2h`, 1500 → `1.5s`, 100000 → `1m40s`. The largest unit that fits, when it shows the value
 * exactly with at most two decimals (three for seconds), otherwise a compound; `parseDuration` reads
 * every result back.
 */
export declare function formatDuration(ms: number): string;
/** 5 → `5/s`, 2/60 → `2/m`; per-second values with up to three decimals otherwise. */
export declare function formatRate(perSecond: number): string;
/**
 * 67108864 → `64MB`, 1536 → `1.5KB`, 200 → `200B` (1024-based, as parsed): the largest unit that fits,
 * rounded to two decimals (1e9 → `953.67MB`), so not every result reads back exactly.
 */
export declare function formatSize(bytes: number): string;
