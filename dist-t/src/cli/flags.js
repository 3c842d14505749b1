import { InputError } from '../core/errors.js';
import { describeInput, parseDuration, parseRate, parseSize, UnitError } from '../core/units.js';
import { MAX_SHARDS, parseShard } from '../core/shard.js';
/**
 * Checkers for flag values, given to yargs as `coerce`: yargs runs them while it parses, so a bad value
 * fails the parse (exit 2, one line) before any command starts. Each throws an InputError that names the
 * flag, says what was expected and what was given. Flags that take a value are declared with
 * `requiresArg`, so `--duration -5s` hands `-5s` to the checker instead of reading it as more flags.
 *
 * This module only imports light modules: the CLI must be able to refuse a bad flag without loading
 * the engine.
 */
/** The value as given; when a flag is repeated yargs makes a list, and the last one wins as usual. */
function lastValue(value) {
    return Array.isArray(value) ? value[value.length - 1] : value;
}
function shown(value) {
    return typeof value === 'string' ? JSON.stringify(value) : describeInput(value);
}
/** A whole number in [min, max]. Refuses `abc`, `1.5`, `1e3` written as text, and empty values. */
export function integerFlag(flag, range) {
    return (value) => {
        const given = lastValue(value);
        const text = typeof given === 'number' ? String(given) : typeof given === 'string' ? given.trim() : '';
        const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
        if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
            throw new InputError(`--${flag}: expected a whole number from ${range.min} to ${range.max}, got ${shown(given)}`);
        }
        return n;
    };
}
/** A port: 0 (any free port) to 65535. */
export const portFlag = (flag = 'port') => integerFlag(flag, { min: 0, max: 65_535 });
/** A seed: a whole number 0 or more, as the scenario's `seed`. */
export const seedFlag = (flag = 'seed') => integerFlag(flag, { min: 0, max: Number.MAX_SAFE_INTEGER });
/** A number in the open interval (min, max), or [min, max] with `inclusive`. */
export function numberFlag(flag, range) {
    return (value) => {
        const given = lastValue(value);
        const text = typeof given === 'number' ? String(given) : typeof given === 'string' ? given.trim() : '';
        const n = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
        const inside = range.inclusive ? n >= range.min && n <= range.max : n > range.min && n < range.max;
        if (!inside) {
            const bounds = range.inclusive ? `from ${range.min} to ${range.max}` : `between ${range.min} and ${range.max}`;
            throw new InputError(`--${flag}: expected a number ${bounds}, e.g. ${range.example}, got ${shown(given)}`);
        }
        return n;
    };
}
function unitValue(flag, parse) {
    try {
        return parse();
    }
    catch (err) {
        if (err instanceof UnitError)
            throw new InputError(`--${flag}: ${err.message}`);
        throw err;
    }
}
/** A duration in ms; a bare `0` is accepted as in scenario files (the shell hands it over as text). */
export function durationFlag(flag, options = {}) {
    return (value) => {
        const given = lastValue(value);
        const text = typeof given === 'string' ? given.trim() : given;
        const ms = unitValue(flag, () => parseDuration(text === '0' || text === 0 ? 0 : text));
        if (options.positive && ms <= 0)
            throw new InputError(`--${flag}: expected a duration longer than 0, got ${shown(given)}`);
        return ms;
    };
}
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
/** A rate in events per second: `5/s`, `120/m`; a plain number is per second. */
export function rateFlag(flag) {
    return (value) => {
        const given = lastValue(value);
        const text = typeof given === 'string' ? given.trim() : given;
        return unitValue(flag, () => parseRate(typeof text === 'string' && PLAIN_NUMBER.test(text) ? Number(text) : text));
    };
}
/** A size in bytes: `64MB`, `200B`; a plain whole number is bytes. */
export function sizeFlag(flag) {
    return (value) => {
        const given = lastValue(value);
        const text = typeof given === 'string' ? given.trim() : given;
        return unitValue(flag, () => parseSize(typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : text));
    };
}
/** Text that must not be empty (a file or folder name). */
export function pathFlag(flag) {
    return (value) => {
        const given = lastValue(value);
        if (typeof given !== 'string' || given.trim() === '')
            throw new InputError(`--${flag}: expected a file or folder name, got ${shown(given)}`);
        return given;
    };
}
/** `--shard I/N`: shard I (from 1) of N. */
export function shardFlag(flag = 'shard') {
    return (value) => {
        const given = lastValue(value);
        const shard = parseShard(typeof given === 'string' ? given : String(given));
        if (typeof shard === 'string')
            throw new InputError(`--${flag}: ${shard}`);
        return shard;
    };
}
/** `--shard-count N`: how many shards, 1 to MAX_SHARDS. */
export const shardCountFlag = (flag = 'shard-count') => integerFlag(flag, { min: 1, max: MAX_SHARDS });
/**
 * Which shard this process runs, from (first that is given) `--shard I/N`; `--shard-count N` with the
 * index a Kubernetes Indexed Job gives each pod in JOB_COMPLETION_INDEX (from 0: pod 0 runs shard 1/N); or
 * DURESS_SHARD=I/N in the environment (a CI matrix: `DURESS_SHARD: ${{ matrix.shard }}/4`). Undefined:
 * the whole run. A count without an index, or an index out of range, is an InputError.
 */
export function resolveShard(flags, env) {
    if (flags.shard !== undefined && flags.shardCount !== undefined) {
        throw new InputError(`--shard ${flags.shard.index}/${flags.shard.count} and --shard-count ${flags.shardCount}: give one of them (--shard-count takes the index from JOB_COMPLETION_INDEX)`);
    }
    if (flags.shard !== undefined)
        return flags.shard;
    if (flags.shardCount !== undefined) {
        const n = flags.shardCount;
        const raw = env.JOB_COMPLETION_INDEX;
        if (raw === undefined || raw.trim() === '') {
            throw new InputError(`--shard-count ${n}: JOB_COMPLETION_INDEX is not set; it is the pod's index in a Kubernetes Indexed Job (else give --shard I/N)`);
        }
        const index = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
        if (!Number.isSafeInteger(index) || index >= n) {
            throw new InputError(`--shard-count ${n}: JOB_COMPLETION_INDEX must be a whole number from 0 to ${n - 1} (the Job's completions: ${n}), got ${JSON.stringify(raw)}`);
        }
        return { index: index + 1, count: n };
    }
    const fromEnv = env.DURESS_SHARD;
    if (fromEnv !== undefined && fromEnv.trim() !== '') {
        const shard = parseShard(fromEnv);
        if (typeof shard === 'string')
            throw new InputError(`DURESS_SHARD: ${shard}`);
        return shard;
    }
    return undefined;
}
//# sourceMappingURL=flags.js.map