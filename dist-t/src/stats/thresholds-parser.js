import { closest, distance } from 'fastest-levenshtein';
import { DURATION_PATTERN, parseDuration, parseRate, RATE_PATTERN } from '../core/units.js';
import { MS_PER_HOUR } from './hours-to-failure.js';
import { isThresholdMetric, MODE_METRICS, THRESHOLD_METRIC_ALIASES, THRESHOLD_METRICS } from './threshold-metrics.js';
const OPERATORS = ['<=', '>=', '==', '!=', '<', '>'];
const NUMBER = /^\d+(?:\.\d+)?$/;
const KNOWN_NAMES = [...Object.keys(THRESHOLD_METRICS), ...Object.keys(THRESHOLD_METRIC_ALIASES)];
class ParseFailure extends Error {
    detail;
    column;
    constructor(detail, column) {
        super(detail);
        this.detail = detail;
        this.column = column;
    }
}
class Cursor {
    text;
    pos = 0;
    constructor(text) {
        this.text = text;
    }
    get column() {
        return this.pos + 1;
    }
    get atEnd() {
        return this.pos >= this.text.length;
    }
    peek() {
        return this.text[this.pos] ?? '';
    }
    skipSpace() {
        this.take(/^\s+/);
    }
    take(pattern) {
        const match = pattern.exec(this.text.slice(this.pos));
        const token = match?.[0] ?? '';
        this.pos += token.length;
        return token;
    }
    fail(detail, column = this.column) {
        throw new ParseFailure(detail, column);
    }
}
function parseMetric(c) {
    c.skipSpace();
    const column = c.column;
    const name = c.take(/^[A-Za-z_][A-Za-z0-9_.]*/);
    if (name === '')
        c.fail(c.atEnd ? 'expected a metric name' : `expected a metric name, got "${c.peek()}"`);
    const k6Percentile = /^\((\d+(?:\.\d+)?)\)/.exec(c.text.slice(c.pos));
    if (name === 'p' && k6Percentile)
        c.fail(`write p${k6Percentile[1]}, not p(${k6Percentile[1]})`, column);
    const metric = isThresholdMetric(name) ? name : Object.hasOwn(THRESHOLD_METRIC_ALIASES, name) ? THRESHOLD_METRIC_ALIASES[name] : undefined;
    if (metric === undefined) {
        const near = closest(name, KNOWN_NAMES);
        const hint = distance(name, near) <= 2 ? `did you mean "${near}"?` : `known: ${Object.keys(THRESHOLD_METRICS).join(', ')}`;
        c.fail(`unknown metric "${name}" (${hint})`, column);
    }
    return metric;
}
function parseLabel(c, key) {
    const quote = c.peek();
    if (quote === '"' || quote === "'") {
        const start = c.column;
        const end = c.text.indexOf(quote, c.pos + 1);
        if (end < 0)
            c.fail(`unterminated ${quote} in the value of "${key}"`, start);
        const label = c.text.slice(c.pos + 1, end);
        c.pos = end + 1;
        if (label === '')
            c.fail(`expected a value for "${key}"`, start);
        return label;
    }
    const label = c.take(/^[^\s,{}="']+/);
    if (label === '')
        c.fail(`expected a value for "${key}"`);
    return label;
}
function parseSelector(c, metric) {
    const entries = [];
    c.skipSpace();
    if (c.peek() !== '{')
        return {};
    c.pos++;
    c.skipSpace();
    if (c.peek() === '}') {
        c.pos++;
        return {};
    }
    for (;;) {
        c.skipSpace();
        const column = c.column;
        const key = c.take(/^[A-Za-z_][A-Za-z0-9_-]*/);
        if (key === '')
            c.fail('expected a selector key such as variant');
        if (entries.some(([k]) => k === key))
            c.fail(`"${key}" is selected twice`, column);
        if (key === 'mode' && !MODE_METRICS.includes(metric)) {
            c.fail(`"mode" selects a failure mode, which ${metric} does not have (only ${MODE_METRICS.join(', ')} do)`, column);
        }
        c.skipSpace();
        if (c.peek() !== '=')
            c.fail(`expected "=" after "${key}"`);
        c.pos++;
        c.skipSpace();
        entries.push([key, parseLabel(c, key)]);
        c.skipSpace();
        const next = c.peek();
        c.pos++;
        if (next === '}')
            return Object.fromEntries(entries);
        if (next !== ',')
            c.fail(next === '' ? 'expected "," or "}" to close the selector' : `expected "," or "}", got "${next}"`, c.column - 1);
    }
}
function parseOperator(c, after) {
    c.skipSpace();
    const op = OPERATORS.find((o) => c.text.startsWith(o, c.pos));
    if (op === undefined) {
        if (c.peek() === '=')
            c.fail('"=" is not an operator; use "=="');
        c.fail(`expected an operator (<, <=, >, >=, ==, !=) after "${after}"`);
    }
    c.pos += op.length;
    return op;
}
function parseValue(c, metric, op) {
    c.skipSpace();
    const column = c.column;
    const token = c.take(/^\S+/);
    if (!/^[0-9.]/.test(token))
        c.fail(`expected a value after "${op}"`, column);
    const bad = (what) => c.fail(`"${token}" is not ${what}`, column);
    switch (THRESHOLD_METRICS[metric].kind) {
        case 'hours':
            if (NUMBER.test(token))
                return Number(token);
            if (DURATION_PATTERN.test(token))
                return parseDuration(token) / MS_PER_HOUR;
            return bad(`a number of hours or a duration (100h, 2d, 90m) for ${metric}`);
        case 'latency':
            if (NUMBER.test(token))
                return Number(token);
            if (DURATION_PATTERN.test(token))
                return parseDuration(token);
            return bad(`a duration (500ms, 2s) or a number of ms for ${metric}`);
        case 'ratio': {
            const percent = token.endsWith('%') && NUMBER.test(token.slice(0, -1));
            if (!percent && !NUMBER.test(token))
                return bad(`a ratio (0.999) or a percentage (99.9%) for ${metric}`);
            const ratio = percent ? Number(`${token.slice(0, -1)}e-2`) : Number(token);
            if (ratio > 1)
                c.fail(`${metric} is a ratio from 0 to 1: write 0.999 or 99.9%, not "${token}"`, column);
            return ratio;
        }
        case 'rate':
            if (NUMBER.test(token))
                return Number(token);
            if (RATE_PATTERN.test(token))
                return parseRate(token);
            return bad(`a rate (2000/s, 120/m) or a number per second for ${metric}`);
        case 'count':
            if (NUMBER.test(token))
                return Number(token);
            return c.fail(`${metric} is a count and takes a plain number, not "${token}"`, column);
    }
}
// Quoted without escapes where possible, so columns can be counted in the message.
function quote(text) {
    if (!/["\n\r]/.test(text))
        return `"${text}"`;
    if (!/['\n\r]/.test(text))
        return `'${text}'`;
    return JSON.stringify(text);
}
/**
 * Parses one threshold expression (grammar above). Never throws: a bad expression gives a message that
 * quotes it and names the 1-based column of the problem, e.g.
 * `threshold "p99 << 2s": expected a value after "<" at column 6`.
 *
 * Values are converted to the metric's unit: hours for htf and htf_lower (`100h`, `2d`, a bare number is
 * hours), ms for latency metrics (`2s`, `500ms`, a bare number is ms), per second for throughput, and plain
 * numbers for counts and ratios (`99.9%` is 0.999).
 */
export function parseThreshold(text) {
    const c = new Cursor(text);
    try {
        const metric = parseMetric(c);
        const selector = parseSelector(c, metric);
        const operator = parseOperator(c, text.slice(0, c.pos).trim());
        const value = parseValue(c, metric, operator);
        c.skipSpace();
        if (!c.atEnd)
            c.fail(`unexpected "${c.text.slice(c.pos).trimEnd()}" after the value`);
        return { ok: true, threshold: { expression: text.trim(), metric, selector, operator, value } };
    }
    catch (error) {
        if (!(error instanceof ParseFailure))
            throw error;
        return { ok: false, message: `threshold ${quote(text)}: ${error.detail} at column ${error.column}`, column: error.column };
    }
}
//# sourceMappingURL=thresholds-parser.js.map