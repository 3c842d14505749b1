import { decodeStruct } from './go-json.js';
/** Returned by `ToxicStub.read` when the stub is being interrupted: the toxic must forward what it holds and return. */
export const INTERRUPTED = Symbol('interrupted');
/** Returned by `ToxicStub.read(timeoutMs)` when nothing arrived in time. */
export const TIMED_OUT = Symbol('timed out');
export function isResetting(t) {
    return t.resetsConnection === true;
}
export function isBuffered(t) {
    return typeof t.bufferSize === 'function';
}
export function isStateful(t) {
    return typeof t.newState === 'function';
}
export function hasCleanup(t) {
    return typeof t.cleanup === 'function';
}
const registry = new Map();
/**
 * Registers a toxic implementation under its Toxiproxy wire name (`latency`, `slow_close`, …) with the
 * proxy alone. A toxic that scenarios may use is registered with registerToxicKind instead, which calls this.
 */
export function registerToxic(wireName, factory) {
    registry.set(wireName, factory);
}
/** A new instance of a registered toxic type, or undefined for an unknown type. */
export function createToxic(type) {
    return registry.get(type)?.();
}
/** Registered wire names, sorted. */
export function toxicTypes() {
    return [...registry.keys()].sort();
}
function goStruct(schema) {
    return { name: schema.goName, fields: schema.fields.map((f) => ({ key: f.key, kind: f.kind })) };
}
/**
 * Decodes `value` (the request's `attributes`) onto the toxic's attributes as Go would: integers only,
 * unknown keys ignored, absent or null keys kept. Returns Go's error text (without the `bad request body: `
 * prefix) on a wrong type, leaving the attributes as they were.
 */
export function applyAttributes(toxic, value) {
    const decoded = decodeStruct(value, goStruct(toxic.schema), `toxics.${toxic.schema.goName}`, '', 'attributes');
    if (decoded.error !== undefined)
        return decoded.error;
    const attrs = toxic.attributes;
    for (const [key, v] of decoded.values)
        if (typeof v === 'number')
            attrs[key] = v;
    return undefined;
}
/** A copy of a toxic (fresh instance of the same type, same attribute values), for updates. */
export function copyToxic(type, toxic) {
    const copy = createToxic(type);
    if (copy)
        Object.assign(copy.attributes, toxic.attributes);
    return copy;
}
/** Attributes in schema order, ready for JSON. */
export function attributeEntries(toxic) {
    return toxic.schema.fields.map((f) => [f.key, toxic.attributes[f.key] ?? 0]);
}
//# sourceMappingURL=toxic.js.map