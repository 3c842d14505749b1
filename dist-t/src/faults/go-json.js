/**
 * Just enough of Go's encoding/json to answer like Toxiproxy does: a parser whose syntax errors carry Go's
 * texts (`invalid character 'o' in literal null (expecting 'u')`, `unexpected EOF`, `EOF`), decoding of a
 * parsed value into a described Go struct with Go's type-error texts and its case-insensitive key matching,
 * and an encoder for strings and float32 values that prints what Go's Marshal prints.
 */
export class GoJsonError extends Error {
}
const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c) => c >= 0x30 && c <= 0x39;
const isHex = (c) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
/** Go's `quoteChar`: the offending byte as Go prints it in a SyntaxError. */
function quoteChar(c) {
    if (c === 0x27)
        return `'\\''`;
    if (c === 0x22)
        return `'"'`;
    const q = goQuote(String.fromCharCode(c));
    return `'${q.slice(1, -1)}'`;
}
/** strconv.Quote for the characters quoteChar can meet (one byte, 0..255). */
function goQuote(s) {
    let out = '"';
    for (const ch of s) {
        const c = ch.codePointAt(0) ?? 0;
        if (ch === '"' || ch === '\\')
            out += `\\${ch}`;
        else if (c === 0x07)
            out += '\\a';
        else if (c === 0x08)
            out += '\\b';
        else if (c === 0x0c)
            out += '\\f';
        else if (c === 0x0a)
            out += '\\n';
        else if (c === 0x0d)
            out += '\\r';
        else if (c === 0x09)
            out += '\\t';
        else if (c === 0x0b)
            out += '\\v';
        else if (c < 0x20 || c === 0x7f)
            out += `\\x${c.toString(16).padStart(2, '0')}`;
        else if (c >= 0x80 && c < 0xa0)
            out += `\\u${c.toString(16).padStart(4, '0')}`;
        else if (c === 0xad)
            out += '\\u00ad';
        else
            out += ch;
    }
    return `${out}"`;
}
/** Go's encoding/json maxNestingDepth. */
const MAX_DEPTH = 10_000;
class Parser {
    buf;
    pos = 0;
    constructor(buf) {
        this.buf = buf;
    }
    fail(context) {
        if (this.pos >= this.buf.length)
            throw new GoJsonError('unexpected EOF');
        throw new GoJsonError(`invalid character ${quoteChar(this.buf[this.pos])} ${context}`);
    }
    peek() {
        return this.pos < this.buf.length ? this.buf[this.pos] : -1;
    }
    skipSpace() {
        while (this.pos < this.buf.length && isSpace(this.buf[this.pos]))
            this.pos++;
    }
    /**
     * One JSON value, iteratively (a body nested thousands deep must not exhaust the stack): open arrays and
     * objects wait on an explicit stack. As Go's scanner, an opening bracket that makes the nesting deeper
     * than MAX_DEPTH fails with `invalid character '[' exceeded max depth`.
     */
    value() {
        const stack = [];
        for (;;) {
            this.skipSpace();
            const c = this.peek();
            let done;
            if (c === 0x5b || c === 0x7b) {
                if (stack.length >= MAX_DEPTH)
                    this.fail('exceeded max depth');
                this.pos++;
                this.skipSpace();
                if (c === 0x5b) {
                    if (this.peek() !== 0x5d) {
                        stack.push({ kind: 'array', items: [] });
                        continue;
                    }
                    this.pos++;
                    done = { kind: 'array', items: [] };
                }
                else {
                    if (this.peek() !== 0x7d) {
                        stack.push({ kind: 'object', entries: [], key: this.objectKey() });
                        continue;
                    }
                    this.pos++;
                    done = { kind: 'object', entries: [] };
                }
            }
            else {
                done = this.scalar(c);
            }
            // A value is complete: hand it to the innermost open container, closing containers as they end.
            for (;;) {
                const top = stack[stack.length - 1];
                if (top === undefined)
                    return done;
                if (top.kind === 'array')
                    top.items.push(done);
                else
                    top.entries.push([top.key, done]);
                this.skipSpace();
                const next = this.peek();
                if (next === 0x2c) {
                    this.pos++;
                    if (top.kind === 'object')
                        top.key = this.objectKey();
                    break;
                }
                if (top.kind === 'array' && next === 0x5d) {
                    this.pos++;
                    stack.pop();
                    done = { kind: 'array', items: top.items };
                }
                else if (top.kind === 'object' && next === 0x7d) {
                    this.pos++;
                    stack.pop();
                    done = { kind: 'object', entries: top.entries };
                }
                else {
                    this.fail(top.kind === 'array' ? 'after array element' : 'after object key:value pair');
                }
            }
        }
    }
    /** A key and its colon, after `{` or `,` in an object. */
    objectKey() {
        this.skipSpace();
        if (this.peek() !== 0x22)
            this.fail('looking for beginning of object key string');
        const key = this.string();
        this.skipSpace();
        if (this.peek() !== 0x3a)
            this.fail('after object key');
        this.pos++;
        return key;
    }
    /** A string, literal or number starting at `c`. */
    scalar(c) {
        switch (c) {
            case 0x22:
                return { kind: 'string', value: this.string() };
            case 0x74:
                this.literal('true');
                return { kind: 'bool', value: true };
            case 0x66:
                this.literal('false');
                return { kind: 'bool', value: false };
            case 0x6e:
                this.literal('null');
                return { kind: 'null' };
            default:
                if (c === 0x2d || isDigit(c))
                    return { kind: 'number', text: this.number() };
                return this.fail('looking for beginning of value');
        }
    }
    literal(word) {
        this.pos++;
        for (let i = 1; i < word.length; i++) {
            if (this.peek() !== word.charCodeAt(i))
                this.fail(`in literal ${word} (expecting '${word[i]}')`);
            this.pos++;
        }
    }
    number() {
        const start = this.pos;
        if (this.peek() === 0x2d) {
            this.pos++;
            if (!isDigit(this.peek()))
                this.fail('in numeric literal');
        }
        if (this.peek() === 0x30)
            this.pos++;
        else
            while (isDigit(this.peek()))
                this.pos++;
        if (this.peek() === 0x2e) {
            this.pos++;
            if (!isDigit(this.peek()))
                this.fail('after decimal point in numeric literal');
            while (isDigit(this.peek()))
                this.pos++;
        }
        if (this.peek() === 0x65 || this.peek() === 0x45) {
            this.pos++;
            if (this.peek() === 0x2b || this.peek() === 0x2d)
                this.pos++;
            if (!isDigit(this.peek()))
                this.fail('in exponent of numeric literal');
            while (isDigit(this.peek()))
                this.pos++;
        }
        return Buffer.from(this.buf.subarray(start, this.pos)).toString('latin1');
    }
    string() {
        this.pos++;
        const parts = [];
        let runStart = this.pos;
        const flush = () => {
            if (this.pos > runStart)
                parts.push(Buffer.from(this.buf.subarray(runStart, this.pos)).toString('utf8'));
        };
        for (;;) {
            const c = this.peek();
            if (c === -1)
                this.fail('in string literal');
            if (c === 0x22) {
                flush();
                this.pos++;
                return parts.join('');
            }
            if (c < 0x20)
                this.fail('in string literal');
            if (c !== 0x5c) {
                this.pos++;
                continue;
            }
            flush();
            this.pos++;
            const e = this.peek();
            const simple = { 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t', 0x5c: '\\', 0x2f: '/', 0x22: '"' };
            if (simple[e] !== undefined) {
                parts.push(simple[e]);
                this.pos++;
            }
            else if (e === 0x75) {
                this.pos++;
                parts.push(this.unicodeEscape());
            }
            else {
                this.fail('in string escape code');
            }
            runStart = this.pos;
        }
    }
    hex4() {
        let v = 0;
        for (let i = 0; i < 4; i++) {
            const c = this.peek();
            if (!isHex(c))
                this.fail('in \\u hexadecimal character escape');
            v = v * 16 + parseInt(String.fromCharCode(c), 16);
            this.pos++;
        }
        return v;
    }
    unicodeEscape() {
        const hi = this.hex4();
        if (hi < 0xd800 || hi > 0xdfff)
            return String.fromCharCode(hi);
        if (hi <= 0xdbff && this.peek() === 0x5c && this.buf[this.pos + 1] === 0x75) {
            const save = this.pos;
            this.pos += 2;
            const lo = this.hex4();
            if (lo >= 0xdc00 && lo <= 0xdfff)
                return String.fromCharCode(hi, lo);
            this.pos = save;
        }
        return '\ufffd';
    }
}
/**
 * Reads the first JSON value of `body` the way a Go `json.Decoder` does: bytes after a complete value are
 * not looked at, an empty body is `EOF`, a cut-off one `unexpected EOF`. Throws GoJsonError.
 */
export function parseGoJson(body) {
    const p = new Parser(body);
    p.skipSpace();
    if (p.pos >= body.length)
        throw new GoJsonError('EOF');
    return p.value();
}
/** A JavaScript value as a parsed JSON value, for programmatic callers that skip the HTTP layer. */
export function toJValue(v) {
    if (v === null || v === undefined)
        return { kind: 'null' };
    if (typeof v === 'boolean')
        return { kind: 'bool', value: v };
    if (typeof v === 'number')
        return { kind: 'number', text: Number.isFinite(v) ? String(v) : 'NaN' };
    if (typeof v === 'string')
        return { kind: 'string', value: v };
    if (Array.isArray(v))
        return { kind: 'array', items: v.map(toJValue) };
    if (typeof v === 'object') {
        return { kind: 'object', entries: Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, toJValue(x)]) };
    }
    return { kind: 'null' };
}
/** Go's UnmarshalTypeError text. */
export function typeErrorText(what, goType, struct, field) {
    return field === undefined
        ? `json: cannot unmarshal ${what} into Go value of type ${goType}`
        : `json: cannot unmarshal ${what} into Go struct field ${struct ?? ''}.${field} of type ${goType}`;
}
function describe(v) {
    return v.kind === 'bool' ? 'bool' : v.kind;
}
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
/** A scalar into a Go kind: the value, or the `what` of Go's type error. */
function decodeScalar(v, kind) {
    if (v.kind === 'null')
        return { ok: true, value: kind === 'nullable-bool' ? null : undefined };
    switch (kind) {
        case 'string':
            return v.kind === 'string' ? { ok: true, value: v.value } : { ok: false, what: describe(v) };
        case 'bool':
        case 'nullable-bool':
            return v.kind === 'bool' ? { ok: true, value: v.value } : { ok: false, what: describe(v) };
        case 'int64':
        case 'int': {
            if (v.kind !== 'number')
                return { ok: false, what: describe(v) };
            if (!/^-?\d+$/.test(v.text))
                return { ok: false, what: `number ${v.text}` };
            const n = BigInt(v.text);
            if (n > INT64_MAX || n < INT64_MIN)
                return { ok: false, what: `number ${v.text}` };
            return { ok: true, value: Number(n) };
        }
        case 'float32': {
            if (v.kind !== 'number')
                return { ok: false, what: describe(v) };
            const f = Math.fround(Number(v.text));
            if (!Number.isFinite(f))
                return { ok: false, what: `number ${v.text}` };
            return { ok: true, value: f };
        }
        case 'object':
            return v.kind === 'object' ? { ok: true, value: undefined } : { ok: false, what: describe(v) };
    }
}
/**
 * Decodes an object into a struct as Go does: keys match field tags exactly or else case-insensitively,
 * unknown keys are ignored, null leaves a field alone, later duplicates win, and the first type error (in
 * document order) is reported while the rest still decodes. `path` prefixes field names in errors
 * (Go's field stack, e.g. `attributes`).
 */
export function decodeStruct(v, struct, goTypeName, errStruct, path) {
    const values = new Map();
    if (v.kind === 'null')
        return { values };
    if (v.kind !== 'object') {
        const error = path === undefined ? typeErrorText(describe(v), goTypeName) : typeErrorText(describe(v), goTypeName, errStruct ?? '', path);
        return { values, error };
    }
    let error;
    for (const [key, val] of v.entries) {
        const field = struct.fields.find((f) => f.key === key) ?? struct.fields.find((f) => f.key.toLowerCase() === key.toLowerCase());
        if (!field)
            continue;
        if (field.kind === 'object') {
            if (val.kind === 'null' || val.kind === 'object') {
                values.set(field.key, val);
                continue;
            }
        }
        const r = decodeScalar(val, field.kind);
        if (!r.ok) {
            const fieldPath = path === undefined ? field.key : `${path}.${field.key}`;
            error ??= typeErrorText(r.what, field.goType ?? field.kind, struct.name, fieldPath);
            continue;
        }
        if (r.value !== undefined)
            values.set(field.key, r.value);
    }
    return error === undefined ? { values } : { values, error };
}
// ---- encoding -------------------------------------------------------------------------------------------
const SHORT_ESCAPES = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
/** What Go's encoder escapes: quote, backslash, control characters, <, >, &, U+2028/9, and surrogates (to check pairing). */
// eslint-disable-next-line no-control-regex
const TO_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/g;
/**
 * A string as Go's json.Marshal writes it (HTML-safe escapes, \u2028/\u2029, Go 1.22 control escapes, a lone
 * surrogate as \ufffd). Runs without escapes are copied as slices, so a long string costs about its size.
 */
export function goJsonString(s) {
    TO_ESCAPE.lastIndex = 0;
    if (!TO_ESCAPE.test(s))
        return `"${s}"`;
    const parts = ['"'];
    let last = 0;
    TO_ESCAPE.lastIndex = 0;
    for (let m = TO_ESCAPE.exec(s); m !== null; m = TO_ESCAPE.exec(s)) {
        const i = m.index;
        const ch = m[0];
        const c = ch.charCodeAt(0);
        if (c >= 0xd800 && c <= 0xdfff) {
            const next = s.charCodeAt(i + 1);
            if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
                TO_ESCAPE.lastIndex = i + 2; // a valid pair is written as it is
                continue;
            }
            parts.push(s.slice(last, i), '\\ufffd');
        }
        else {
            parts.push(s.slice(last, i), SHORT_ESCAPES[ch] ?? `\\u${c.toString(16).padStart(4, '0')}`);
        }
        last = i + 1;
    }
    parts.push(s.slice(last), '"');
    return parts.join('');
}
/** A float32 as Go's json.Marshal writes it: the shortest decimal that reads back as the same float32. */
export function goFloat32(x) {
    const f = Math.fround(x);
    if (f === 0)
        return Object.is(f, -0) ? '-0' : '0';
    if (!Number.isFinite(f))
        return String(f);
    for (let p = 1; p <= 9; p++) {
        const s = f.toPrecision(p);
        if (Math.fround(Number(s)) === f)
            return String(Number(s));
    }
    return String(f);
}
//# sourceMappingURL=go-json.js.map