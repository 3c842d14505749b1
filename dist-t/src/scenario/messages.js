import { closest, distance } from 'fastest-levenshtein';
import { describeInput } from '../core/units.js';
/**
 * Messages for schema problems, written for someone editing a YAML file: what was expected, what was
 * found, and for a near miss the closest valid word. Schema fields with their own message (the unit
 * fields) keep it; this covers the rest.
 */
/** Keys normalised so `mem_limit`, `Mem-Limit` and `memlimit` all meet `memLimit`. */
function normalise(word) {
    return word.toLowerCase().replace(/[-_.\s]/g, '');
}
/** The candidate a user most likely meant by `word`, if any is close enough to be worth saying. */
export function suggest(word, candidates) {
    if (candidates.length === 0)
        return undefined;
    const exact = candidates.find((c) => normalise(c) === normalise(word));
    if (exact !== undefined)
        return exact;
    const best = closest(word, [...candidates]);
    const limit = Math.max(2, Math.floor(word.length / 3));
    return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}
/**
 * `unknown key "flsh"; did you mean "flush"?`. With no close key at this level, `elsewhere` (every key
 * path of the schema) may show where the key belongs: `did you mean system.flush?`.
 */
export function unknownKeyMessage(key, validKeys, elsewhere = []) {
    const quoted = JSON.stringify(key);
    const guess = suggest(key, validKeys);
    if (guess !== undefined)
        return `unknown key ${quoted}; did you mean ${JSON.stringify(guess)}?`;
    const leaves = elsewhere.map((path) => path[path.length - 1] ?? '');
    const moved = suggest(key, leaves);
    const where = moved === undefined ? undefined : elsewhere.find((path) => path[path.length - 1] === moved);
    if (where !== undefined)
        return `unknown key ${quoted} here; did you mean ${where.join('.')}?`;
    return validKeys.length > 0 ? `unknown key ${quoted}; expected one of ${validKeys.join(', ')}` : `unknown key ${quoted}`;
}
function oneOf(values, input) {
    const names = values.map((v) => String(v));
    const expected = names.length === 1 ? `expected ${JSON.stringify(names[0])}` : `expected one of ${names.join(', ')}`;
    if (input === undefined)
        return `required key is missing; ${expected}`;
    const guess = typeof input === 'string' ? suggest(input, names) : undefined;
    return `${expected}, got ${describeInput(input)}${guess !== undefined && guess !== input ? `; did you mean ${JSON.stringify(guess)}?` : ''}`;
}
const TYPE_NAMES = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
};
/** `string "ten"`, `number 5`, `a list`: the found value with its YAML type. */
function describeTyped(input) {
    if (typeof input === 'string')
        return `string ${JSON.stringify(input)}`;
    if (typeof input === 'number')
        return `number ${input}`;
    return describeInput(input);
}
/**
 * The zod error map for scenario validation. Returns undefined (zod's own message) only for issue kinds
 * the schema does not produce.
 */
export function issueMessage(iss) {
    const input = iss.input;
    switch (iss.code) {
        case 'invalid_type': {
            const expected = TYPE_NAMES[iss.expected] ?? iss.expected;
            if (input === undefined)
                return `required key is missing; expected ${expected}`;
            return `expected ${expected}, got ${describeTyped(input)}`;
        }
        case 'invalid_value':
            return oneOf(iss.values, input);
        case 'invalid_union': {
            if ('discriminator' in iss && typeof iss.discriminator === 'string') {
                const options = Array.isArray(iss.options) ? (iss.options) : [];
                const value = input !== null && typeof input === 'object' ? input[iss.discriminator] : undefined;
                return oneOf(options, value);
            }
            return `expected ${describeInput(input)} to match one of the allowed forms`;
        }
        case 'too_small': {
            if (iss.origin === 'array')
                return `expected at least ${iss.minimum} item${Number(iss.minimum) === 1 ? '' : 's'}`;
            if (iss.origin === 'string')
                return iss.minimum === 1 ? 'expected a non-empty string' : `expected at least ${iss.minimum} characters`;
            return iss.inclusive ? `expected ${iss.minimum} or more, got ${describeInput(input)}` : `expected more than ${iss.minimum}, got ${describeInput(input)}`;
        }
        case 'too_big': {
            if (iss.origin === 'array')
                return `expected at most ${iss.maximum} items`;
            if (iss.origin === 'string')
                return `expected at most ${iss.maximum} characters`;
            return iss.inclusive ? `expected ${iss.maximum} or less, got ${describeInput(input)}` : `expected less than ${iss.maximum}, got ${describeInput(input)}`;
        }
        case 'unrecognized_keys':
            return iss.keys.map((k) => `unknown key ${JSON.stringify(k)}`).join('; ');
        case 'invalid_format':
            return `expected a string matching ${'pattern' in iss ? String(iss.pattern) : iss.format}, got ${describeInput(input)}`;
        default:
            return undefined;
    }
}
//# sourceMappingURL=messages.js.map