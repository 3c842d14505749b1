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
export class UnitError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnitError';
    }
}
const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const RATE_UNITS_S = { s: 1, m: 60, h: 3600 };
const SIZE_POWERS = { b: 0, k: 1, m: 2, g: 3, t: 4 };
/** One or more `<number><unit>` parts: `10s`, `1.5h`, `1h30m`. `ms` comes before `m` so `5ms` is not `5m` + `s`. */
export const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
export const RATE_PATTERN = /^\d+(?:\.\d+)?\/(?:s|m|h)$/;
export const SIZE_PATTERN = /^\d+(?:\.\d+)?(?:[bB]|[kKmMgGtT](?:[iI]?[bB])?)$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
/** The body of DURATION_PATTERN, for patterns built from durations. */
const DURATION_BODY = DURATION_PATTERN.source.slice(1, -1);
/** `10s..30s`: a duration drawn uniformly (with the run's seed) between two bounds. */
export const DURATION_RANGE_PATTERN = new RegExp(`^(${DURATION_BODY})\\s*\\.\\.\\s*(${DURATION_BODY})$`);
/** `~20m`: random repetition, exponential gaps with this mean. */
export const RANDOM_INTERVAL_PATTERN = new RegExp(`^~\\s*(${DURATION_BODY})$`);
/** How a bad value reads in a message: strings quoted, other values as YAML would show them. */
export function describeInput(input) {
    if (input === undefined)
        return 'nothing';
    if (input === null)
        return 'an empty value';
    if (typeof input === 'string')
        return JSON.stringify(input);
    if (Array.isArray(input))
        return 'a list';
    if (typeof input === 'object')
        return 'a mapping';
    return String(input);
}
function isPlainNumber(input) {
    return (typeof input === 'number' && Number.isFinite(input)) || (typeof input === 'string' && /^\d+(?:\.\d+)?$/.test(input.trim()));
}
/** The message for a value that is not a duration. Also used by the schema, so both say the same. */
export function badDurationMessage(input) {
    const base = 'expected a duration such as 500ms, 10s or 2h';
    if (input === undefined)
        return `required key is missing; ${base}`;
    if (isPlainNumber(input)) {
        const n = String(input).trim();
        return `${base}, got ${describeInput(input)}: a duration needs a unit (${n}ms? ${n}s?); only 0 may go without one`;
    }
    if (isNegative(input))
        return `${base}, got ${describeInput(input)}: a duration cannot be negative`;
    return `${base}, got ${describeInput(input)}`;
}
/** `-5s`, `-5`: a value that would be a duration or number but for its minus sign. */
function isNegative(input) {
    if (typeof input === 'number')
        return input < 0;
    return typeof input === 'string' && /^-\s*\d/.test(input.trim());
}
export function badRateMessage(input) {
    const base = 'expected a rate such as 2000/s, 120/m or 10/h';
    if (input === undefined)
        return `required key is missing; ${base}`;
    if (typeof input === 'number')
        return `${base} (a plain number is per second and must be 0 or more), got ${input}`;
    return `${base}, got ${describeInput(input)}`;
}
export function badSizeMessage(input) {
    const base = 'expected a size such as 200B, 64KB or 64MB';
    if (input === undefined)
        return `required key is missing; ${base}`;
    if (typeof input === 'number')
        return `${base} (a plain number is bytes and must be a whole number, 0 or more), got ${input}`;
    return `${base}, got ${describeInput(input)}`;
}
/** `10s` → 10000. Milliseconds; throws UnitError for anything but a duration string or the number 0. */
export function parseDuration(input) {
    if (input === 0)
        return 0;
    if (typeof input !== 'string' || !DURATION_PATTERN.test(input))
        throw new UnitError(badDurationMessage(input));
    let ms = 0;
    for (const match of input.matchAll(DURATION_PART)) {
        ms += Number(match[1]) * DURATION_UNITS_MS[match[2]];
    }
    // Decimal fractions are not exact in binary: 1.001 * 1000 is 1000.9999999999999.
    return Math.round(ms * 1e6) / 1e6;
}
/** The message for a value that is neither a duration nor a range of durations. */
export function badDurationRangeMessage(input) {
    const base = 'expected a duration such as 30s, or a range such as 10s..30s';
    if (input === undefined)
        return `required key is missing; ${base}`;
    if (isPlainNumber(input))
        return `${base}, got ${describeInput(input)}: a duration needs a unit (${String(input).trim()}s?)`;
    return `${base}, got ${describeInput(input)}`;
}
/** The message for a value that is not a repetition interval. */
export function badRepeatMessage(input) {
    const base = 'expected a duration such as 10m (periodic), or ~20m (random, exponential gaps with that mean)';
    if (input === undefined)
        return `required key is missing; ${base}`;
    if (isPlainNumber(input))
        return `${base}, got ${describeInput(input)}: a duration needs a unit (${String(input).trim()}m?)`;
    return `${base}, got ${describeInput(input)}`;
}
/** `30s` → { min: 30000, max: 30000 }; `10s..30s` → { min: 10000, max: 30000 }. Bounds are not ordered here. */
export function parseDurationRange(input) {
    const range = DURATION_RANGE_PATTERN.exec(input.trim());
    if (range)
        return { min: parseDuration(range[1]), max: parseDuration(range[2]) };
    const single = parseDuration(input.trim());
    return { min: single, max: single };
}
/** `10m` → periodic every 600000 ms; `~20m` → random with a mean gap of 1200000 ms. */
export function parseRepeat(input) {
    const random = RANDOM_INTERVAL_PATTERN.exec(input.trim());
    if (random)
        return { kind: 'random', mean: parseDuration(random[1]) };
    return { kind: 'periodic', interval: parseDuration(input.trim()) };
}
/** `120/m` → 2. Events per second; a plain number is already per second. */
export function parseRate(input) {
    if (typeof input === 'number') {
        if (Number.isFinite(input) && input >= 0)
            return input;
        throw new UnitError(badRateMessage(input));
    }
    if (!RATE_PATTERN.test(input))
        throw new UnitError(badRateMessage(input));
    const [count, unit] = input.split('/');
    return Number(count) / RATE_UNITS_S[unit];
}
/** `64MB` → 67108864. Whole bytes (rounded); K, M, G and T are powers of 1024, as in Fluent Bit. */
export function parseSize(input) {
    if (typeof input === 'number') {
        if (Number.isSafeInteger(input) && input >= 0)
            return input;
        throw new UnitError(badSizeMessage(input));
    }
    if (!SIZE_PATTERN.test(input))
        throw new UnitError(badSizeMessage(input));
    const match = /^(\d+(?:\.\d+)?)([a-zA-Z])/.exec(input);
    const amount = Number(match?.[1]);
    const power = SIZE_POWERS[(match?.[2] ?? 'b').toLowerCase()];
    return Math.round(amount * 1024 ** power);
}
/** Whether `value` has at most `decimals` decimal places, allowing for binary floating point. */
function hasAtMostDecimals(value, decimals) {
    const scaled = value * 10 ** decimals;
    return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}
function trimNumber(value, decimals) {
    return String(Number(value.toFixed(decimals)));
}
/**
 * 7200000 → `2h`, 1500 → `1.5s`, 100000 → `1m40s`. The largest unit that fits, when it shows the value
 * exactly with at most two decimals (three for seconds), otherwise a compound; `parseDuration` reads
 * every result back.
 */
export function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return String(ms);
    if (ms < 0)
        return `-${formatDuration(-ms)}`;
    if (ms === 0)
        return '0s';
    if (ms < 1000)
        return `${trimNumber(ms, 3)}ms`;
    const largest = ['d', 'h', 'm', 's'].find((unit) => ms >= DURATION_UNITS_MS[unit]) ?? 's';
    const value = ms / DURATION_UNITS_MS[largest];
    const decimals = largest === 's' ? 3 : 2;
    if (hasAtMostDecimals(value, decimals))
        return `${trimNumber(value, decimals)}${largest}`;
    let rest = ms;
    let text = '';
    for (const unit of ['d', 'h', 'm']) {
        const whole = Math.floor(rest / DURATION_UNITS_MS[unit]);
        if (whole > 0) {
            text += `${whole}${unit}`;
            rest -= whole * DURATION_UNITS_MS[unit];
        }
    }
    if (rest >= 1000)
        text += `${trimNumber(rest / 1000, 3)}s`;
    else if (rest > 0)
        text += `${trimNumber(rest, 3)}ms`;
    return text;
}
/** 5 → `5/s`, 2/60 → `2/m`; per-second values with up to three decimals otherwise. */
export function formatRate(perSecond) {
    if (!Number.isFinite(perSecond))
        return String(perSecond);
    for (const unit of ['s', 'm', 'h']) {
        const value = perSecond * RATE_UNITS_S[unit];
        if (hasAtMostDecimals(value, 2))
            return `${trimNumber(value, 2)}/${unit}`;
    }
    return `${trimNumber(perSecond, 3)}/s`;
}
/**
 * 67108864 → `64MB`, 1536 → `1.5KB`, 200 → `200B` (1024-based, as parsed): the largest unit that fits,
 * rounded to two decimals (1e9 → `953.67MB`), so not every result reads back exactly.
 */
export function formatSize(bytes) {
    if (!Number.isFinite(bytes))
        return String(bytes);
    if (bytes < 0)
        return `-${formatSize(-bytes)}`;
    const units = [
        ['TB', 4],
        ['GB', 3],
        ['MB', 2],
        ['KB', 1],
    ];
    for (const [unit, power] of units) {
        const value = bytes / 1024 ** power;
        if (value >= 1)
            return `${trimNumber(value, 2)}${unit}`;
    }
    return `${trimNumber(bytes, 2)}B`;
}
//# sourceMappingURL=units.js.map