import { z } from 'zod';
import { faultKind, faultKinds } from './fault-kinds.js';
import { isToxicSpec, toxicAttributes } from './toxic-kind.js';
import './toxics/index.js';
/**
 * A toxic written as one short line, for the command line (`duress load --fault 'latency 100ms'`), read
 * through the registered toxic kinds, so every toxic a scenario may name (a user's own included) can be
 * written here too:
 *
 *   fault   ::= kind [ amount ] { option }
 *   amount  ::= the value of the kind's first parameter (latency: the latency; bandwidth: the rate;
 *               slow_close: the delay; limit_data: the bytes; ...), written as in a scenario file
 *   option  ::= parameter value              ; any parameter of the kind by its scenario name: jitter 10ms
 *             | "toxicity" ( number | number "%" )   ; the share of connections affected, 0..1
 *             | "upstream" | "downstream"    ; the direction (default downstream, as in Toxiproxy)
 *
 * Values use the units of scenario files (core/units.ts) and the kind's own schema checks them; the
 * result is what ProxyCollection/Proxy.addToxic take, in Toxiproxy's wire units (ms, KB/s, bytes).
 */
export class ToxicTextError extends Error {
}
/** The names a toxic's spec has besides its parameters. */
const COMMON = new Set(['kind', 'stream', 'toxicity', 'link']);
function toxicNames() {
    return faultKinds()
        .filter((k) => k.acts === 'link' && isToxicSpec({ kind: k.name }))
        .map((k) => k.name);
}
/** A word as a scenario value: a plain number is a number (so `100` is refused where a unit is needed). */
function value(word) {
    return /^-?\d+(\.\d+)?$/.test(word) ? Number(word) : word;
}
export function parseToxicText(text) {
    const words = text.trim().split(/\s+/).filter((w) => w !== '');
    const type = words.shift()?.toLowerCase();
    const kind = type === undefined ? undefined : faultKind(type);
    if (type === undefined || kind === undefined || !toxicNames().includes(type)) {
        throw new ToxicTextError(`expected a toxic (${toxicNames().join(', ')}) such as "latency 100ms", got ${JSON.stringify(text)}`);
    }
    const params = Object.keys(kind.params).filter((k) => !COMMON.has(k));
    const spec = { kind: type };
    const first = words[0];
    if (first !== undefined && params[0] !== undefined && !params.includes(first) && !/^(toxicity|upstream|downstream)$/i.test(first)) {
        spec[params[0]] = value(first);
        words.shift();
    }
    while (words.length > 0) {
        const word = words.shift();
        const lower = word.toLowerCase();
        if (lower === 'upstream' || lower === 'downstream') {
            spec.stream = lower;
        }
        else if (lower === 'toxicity') {
            const share = words.shift() ?? '';
            const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(share);
            spec.toxicity = match ? Number(match[1]) / (match[2] ? 100 : 1) : share;
        }
        else if (params.includes(word)) {
            const v = words.shift();
            if (v === undefined)
                throw new ToxicTextError(`${word} needs a value, e.g. "${type} ${word} ..."`);
            spec[word] = value(v);
        }
        else {
            throw new ToxicTextError(`unexpected "${word}" in ${JSON.stringify(text.trim())}: expected one of ${[...params, 'toxicity', 'upstream', 'downstream'].join(', ')}`);
        }
    }
    const parsed = z.strictObject({ kind: z.literal(type), ...kind.params }).safeParse(spec);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const key = String(issue.path[0] ?? '');
        const missing = spec[key] === undefined;
        throw new ToxicTextError(missing ? `${type} needs its ${key}: ${issue.message.replace(/^required key is missing; /, '')}` : `the ${key} of ${type}: ${issue.message}`);
    }
    const { type: wireType, stream, toxicity, attributes } = toxicAttributes(parsed.data);
    return { type: wireType, stream, toxicity, attributes };
}
//# sourceMappingURL=toxic-text.js.map