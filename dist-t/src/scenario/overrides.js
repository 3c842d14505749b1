import { isCollection, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { formatKeyPath } from './locate.js';
/**
 * `system.net.keepalive` → [system, net, keepalive]; `faults[0].at` and `faults.0.at` → [faults, 0, at].
 * Undefined for a malformed path (empty segments, stray brackets).
 */
export function parseKeyPath(path) {
    const segments = [];
    for (const part of path.split('.')) {
        const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
        if (!match)
            return undefined;
        const [, name = '', indexes = ''] = match;
        if (name === '' && indexes === '')
            return undefined;
        if (name !== '')
            segments.push(/^\d+$/.test(name) ? Number(name) : name);
        for (const index of indexes.matchAll(/\[(\d+)\]/g))
            segments.push(Number(index[1]));
    }
    return segments;
}
/** Reads an override's value as YAML; throws with the YAML parser's message when it is not. */
export function parseOverrideValue(text) {
    const doc = parseDocument(text, { prettyErrors: false });
    const error = doc.errors[0];
    if (error)
        throw new Error(`value ${JSON.stringify(text)} is not valid YAML: ${error.message}`);
    return doc.toJS({ maxAliasCount: 100 });
}
/**
 * Sets `value` at `path` in the document, creating missing mappings on the way. Numeric segments index
 * lists where the document has a list and are map keys otherwise. Throws when a scalar is in the way.
 */
export function setInDocument(doc, path, value) {
    let node = doc.contents;
    for (let i = 0; i < path.length; i += 1) {
        const segment = path[i];
        if (isSeq(node) && typeof segment !== 'number') {
            throw new Error(`${formatKeyPath(path.slice(0, i)) || 'the document'} is a list: name an item by its index, such as ${formatKeyPath([...path.slice(0, i), 0])}`);
        }
        if (i === path.length - 1)
            break;
        const next = isSeq(node) ? node.get(Number(segment), true) : isMap(node) ? node.get(String(segment), true) : undefined;
        if (next === undefined || next === null)
            break;
        if (isScalar(next) && next.value === null) {
            // `net:` with nothing under it: an empty mapping to set into.
            doc.setIn(path.slice(0, i + 1).map((s) => String(s)), doc.createNode({}));
            break;
        }
        if (!isCollection(next)) {
            throw new Error(`cannot set a key inside ${formatKeyPath(path.slice(0, i + 1))}: it is a single value, not a mapping or list`);
        }
        node = next;
    }
    // Map keys stay strings (`0` under a mapping is the key "0"); yaml turns them into indexes for lists.
    doc.setIn(path.map((s) => String(s)), doc.createNode(value));
}
function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/**
 * Deep-merges `overrides` into `raw` (the scenario as read from YAML, before validation) and returns a
 * new object; neither argument is changed. Mappings merge key by key; lists and single values replace.
 * A dotted key (`system.net.keepalive: false`) is the same as the nested form.
 */
export function applyOverrides(raw, overrides) {
    let result = { ...raw };
    for (const [key, value] of Object.entries(overrides)) {
        const path = key.includes('.') ? key.split('.') : [key];
        result = mergeAt(result, path, value);
    }
    return result;
}
function mergeAt(target, path, value) {
    const [head, ...rest] = path;
    if (head === undefined)
        return target;
    const existing = target[head];
    if (rest.length > 0) {
        return { ...target, [head]: mergeAt(isPlainObject(existing) ? existing : {}, rest, value) };
    }
    if (isPlainObject(existing) && isPlainObject(value))
        return { ...target, [head]: applyOverrides(existing, value) };
    return { ...target, [head]: value };
}
//# sourceMappingURL=overrides.js.map