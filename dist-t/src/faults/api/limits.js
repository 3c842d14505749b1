import { ToxiproxyApiError } from './errors.js';
/**
 * Bounds on what one API request may ask, which real Toxiproxy does not have: its Go server reads a body of
 * any size (only its 15 s read timeout ends a slow one) and takes names of any length. In duress the API
 * shares the process with the run it faults, so a 15 MB name must not take it to a gigabyte and stop it
 * answering. Nesting depth needs no bound here: the parser stops at Go's own 10,000 (`exceeded max depth`).
 */
/** Largest request body read: a populate of about 5,000 proxies fits. Larger bodies get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Longest string (name, address, type, stream, or any key) in a request body, in UTF-8 bytes. */
export const MAX_STRING_BYTES = 1024;
/** 413 in Toxiproxy's error shape, sent before the body is read past the limit. */
export function bodyTooLarge() {
    return new ToxiproxyApiError(`request body too large: at most ${MAX_BODY_BYTES} bytes`, 413);
}
/**
 * Throws a 400 `bad request body: …` naming the first string (or key) longer than MAX_STRING_BYTES, with
 * its place in the body (`[2].name`, `attributes`). Walks without recursion.
 */
export function checkStringLengths(body) {
    const pending = [{ value: body, at: '' }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const { value, at } = next;
        if (value.kind === 'string')
            tooLong(value.value, at === '' ? 'the body' : at);
        else if (value.kind === 'array')
            value.items.forEach((item, i) => pending.push({ value: item, at: deeper(at, `[${i}]`) }));
        else if (value.kind === 'object') {
            for (const [key, item] of value.entries) {
                const place = at === '' ? key : deeper(at, `.${key}`);
                tooLong(key, `a key in ${at === '' ? 'the body' : at}`);
                pending.push({ value: item, at: place });
            }
        }
    }
}
/** A place one level deeper; past 80 characters the place stops growing (it is only for the message). */
function deeper(at, step) {
    if (at.length > 80)
        return at.endsWith('…') ? at : `${at}…`;
    return at + step;
}
function tooLong(s, where) {
    // Cheap first: a string of at most MAX/3 UTF-16 units cannot exceed MAX UTF-8 bytes.
    if (s.length <= MAX_STRING_BYTES / 3)
        return;
    const bytes = Buffer.byteLength(s);
    if (bytes <= MAX_STRING_BYTES)
        return;
    const shown = where.length > 120 ? `${where.slice(0, 120)}…` : where;
    throw new ToxiproxyApiError(`bad request body: the string at ${shown} is ${bytes} bytes long, more than the ${MAX_STRING_BYTES} allowed`, 400);
}
//# sourceMappingURL=limits.js.map