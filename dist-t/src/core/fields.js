import { z } from 'zod';
import { DURATION_PATTERN, DURATION_RANGE_PATTERN, RANDOM_INTERVAL_PATTERN, RATE_PATTERN, SIZE_PATTERN, badDurationMessage, badDurationRangeMessage, badRateMessage, badRepeatMessage, badSizeMessage, describeInput, formatDuration, formatRate, formatSize, parseDuration, parseDurationRange, parseRate, parseRepeat, parseSize, } from './units.js';
import { longestDurationMs, tooLongMessage } from './limits.js';
/**
 * Zod builders for the scenario's unit-bearing and yes/no fields, for every part that declares a scenario
 * fragment (system kinds, sinks, faults). Each accepts the YAML form (a unit
 * string with a `pattern` that the JSON Schema carries to editors) and outputs a plain number or boolean.
 * Every call makes a new schema, so each field can carry its own description and default.
 */
/**
 * A string in a unit's pattern. The JSON Schema carries the pattern, and `patternErrorMessage` (read by
 * the YAML and JSON language servers) so an editor says the same as the loader.
 */
function unitString(pattern, message, example) {
    return z
        .string({ error: (iss) => message(iss.input) })
        .regex(pattern, { error: (iss) => message(iss.input) })
        .meta({ patternErrorMessage: `expected ${example}` });
}
/**
 * Refuses a duration longer than a timer can wait at the scenario's clock speed (limits.ts). The message
 * is made here, while the speed is known: zod makes the messages of `refine` later.
 */
function fitsTimer(ms, ctx) {
    if (ms > longestDurationMs())
        ctx.addIssue({ code: 'custom', message: tooLongMessage(ms), input: ms });
}
/** A duration in scenario ms: `500ms`, `10s`, `2h`, `1h30m`, or `0`. At most what a timer can wait. */
export function duration(options = {}) {
    const text = unitString(DURATION_PATTERN, badDurationMessage, 'a duration such as 500ms, 10s, 2h or 1h30m');
    const field = z
        .union([text, z.literal(0)], { error: (iss) => badDurationMessage(iss.input) })
        .transform((value) => parseDuration(value))
        .superRefine(fitsTimer);
    if (!options.positive)
        return field;
    return field.refine((ms) => ms > 0, { error: 'expected a duration longer than 0' });
}
/** A pattern matching either of two anchored patterns. */
function either(a, b) {
    return new RegExp(`^(?:${a.source.slice(1, -1)}|${b.source.slice(1, -1)})$`);
}
/**
 * A duration longer than 0, or a range `10s..30s` drawn uniformly with the seed: `{ min, max }` in scenario
 * ms (equal for a plain duration). `missing` replaces the message for an absent key.
 */
export function durationRange(options = {}) {
    const message = (input) => (input === undefined && options.missing !== undefined ? options.missing : badDurationRangeMessage(input));
    return unitString(either(DURATION_PATTERN, DURATION_RANGE_PATTERN), message, 'a duration such as 30s, or a range such as 10s..30s')
        .transform((value) => parseDurationRange(value))
        .refine((r) => r.min > 0 && r.max > 0, { error: 'expected a duration longer than 0', abort: true })
        .superRefine((r, ctx) => fitsTimer(r.max, ctx))
        .refine((r) => r.min <= r.max, {
        error: (iss) => {
            const r = iss.input;
            return `expected a range from the shorter duration to the longer, got ${formatDuration(r.min)}..${formatDuration(r.max)}; did you mean ${formatDuration(r.max)}..${formatDuration(r.min)}?`;
        },
    });
}
/** A repetition: `10m` (periodic, from the first start) or `~20m` (random, exponential gaps with that mean). Longer than 0. */
export function repeat() {
    return unitString(either(DURATION_PATTERN, RANDOM_INTERVAL_PATTERN), badRepeatMessage, 'a duration such as 10m, or ~20m for random gaps')
        .transform((value) => parseRepeat(value))
        .refine((r) => (r.kind === 'periodic' ? r.interval : r.mean) > 0, { error: 'expected a duration longer than 0', abort: true })
        .superRefine((r, ctx) => fitsTimer(r.kind === 'periodic' ? r.interval : r.mean, ctx));
}
/**
 * A rate in events per scenario second: `2000/s`, `120/m`, `10/h`, or a plain number per second.
 * `max` (per second) refuses what no instance could be asked for (limits.ts).
 */
export function rate(options = {}) {
    const text = unitString(RATE_PATTERN, badRateMessage, 'a rate such as 2000/s, 120/m or 10/h');
    const perSecond = z.number().min(0, { error: (iss) => badRateMessage(iss.input) });
    let field = z.union([text, perSecond], { error: (iss) => badRateMessage(iss.input) }).transform((value) => parseRate(value));
    const { max } = options;
    if (max !== undefined) {
        field = field.refine((value) => value <= max, {
            error: (iss) => `expected at most ${formatRate(max)}${options.what ? ` ${options.what}` : ''}, got ${formatRate(iss.input)}`,
            abort: true,
        });
    }
    if (!options.positive)
        return field;
    return field.refine((value) => value > 0, { error: 'expected a rate above 0' });
}
/**
 * A size in bytes: `200B`, `64KB`, `64MB` (1024-based, as Fluent Bit reads `Mem_Buf_Limit`), or plain bytes.
 * `max` refuses sizes no record could have (limits.ts).
 */
export function size(options = {}) {
    const text = unitString(SIZE_PATTERN, badSizeMessage, 'a size such as 200B, 64KB or 64MB (1024-based)');
    const bytes = z.int({ error: (iss) => badSizeMessage(iss.input) }).min(0, { error: (iss) => badSizeMessage(iss.input) });
    let field = z.union([text, bytes], { error: (iss) => badSizeMessage(iss.input) }).transform((value) => parseSize(value));
    const { max } = options;
    if (max !== undefined) {
        field = field.refine((value) => value <= max, {
            error: (iss) => `expected at most ${formatSize(max)}${options.what ? ` ${options.what}` : ''}, got ${formatSize(iss.input)}`,
            abort: true,
        });
    }
    if (!options.positive)
        return field;
    return field.refine((value) => value > 0, { error: 'expected a size above 0' });
}
/** Fluent Bit writes switches as `on`/`off`; YAML 1.2 reads those as strings, so they are accepted here. */
const FLAG_WORDS = ['on', 'off', 'yes', 'no'];
/** true/false, or on/off, yes/no. */
export function flag() {
    return z
        .union([z.boolean(), z.enum(FLAG_WORDS)], {
        error: (iss) => `expected true or false (on/off and yes/no work too), got ${describeInput(iss.input)}`,
    })
        .transform((value) => value === true || value === 'on' || value === 'yes');
}
/** Retries per chunk: a whole number, `no_retries` (0), or unlimited (`unlimited`, `no_limits`, `false`, `off` → null). */
export function retryLimit() {
    const message = (input) => `expected a number of retries, no_retries, or unlimited (also no_limits, false, off), got ${describeInput(input)}`;
    return z
        .union([z.int({ error: (iss) => message(iss.input) }).min(0), z.enum(['unlimited', 'no_limits', 'off', 'no_retries']), z.literal(false)], {
        error: (iss) => message(iss.input),
    })
        .transform((value) => {
        if (typeof value === 'number')
            return value;
        return value === 'no_retries' ? 0 : null;
    });
}
//# sourceMappingURL=fields.js.map