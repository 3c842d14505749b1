import { toxicShape } from './fault-params.js';
import { registerFaultKind } from './fault-kinds.js';
import { registerToxic } from './toxic.js';
/** Toxic kinds by name, with their wire attributes (the fault kind itself is in the fault-kind registry). */
const wireAttributes = new Map();
function toWire(value, unit, speed) {
    switch (unit) {
        case 'ms':
            return Math.round(value / speed);
        case 'us':
            return Math.round((value * 1000) / speed);
        case 'KB/s':
            return Math.round(value * speed);
        case 'bytes':
        case 'count':
            return value;
    }
}
/** The Toxiproxy wire form of a toxic fault: `latency: 1.5s` becomes `{ latency: 1500 }`. Throws for a spec that is no toxic. */
export function toxicAttributes(spec, options = {}) {
    const attributes = wireAttributes.get(spec.kind);
    if (!attributes)
        throw new Error(`fault kind ${spec.kind} is not a toxic`);
    const speed = options.speed ?? 1;
    const fields = spec;
    const wire = {};
    for (const [key, a] of Object.entries(attributes))
        wire[key] = toWire(spec[a.from], a.unit, speed);
    return { type: spec.kind, stream: fields.stream, toxicity: fields.toxicity, attributes: wire };
}
/** Whether a spec is of a registered toxic kind. */
export function isToxicSpec(spec) {
    return wireAttributes.has(spec.kind);
}
/**
 * Toxiproxy clients put the toxic's name into the URL path unescaped (toxiproxy-node-client does), so an
 * occurrence id like `timeout#1/1` would cut the path at `#`: names keep to letters, digits, `.`, `_`, `-`.
 */
export function toxicName(occurrenceId) {
    return occurrenceId.replace(/[^A-Za-z0-9._-]/g, '_');
}
/** Registers a toxic: its implementation with the fault proxy and its fault kind with the scenario. */
export function registerToxicKind(options) {
    const fields = new Set(options.create().schema.fields.map((f) => f.key));
    for (const key of Object.keys(options.attributes)) {
        if (!fields.has(key))
            throw new Error(`toxic ${options.name}: attribute ${key} is not a field of its implementation`);
    }
    const kind = {
        name: options.name,
        description: options.description,
        acts: 'link',
        params: { ...options.params, ...toxicShape() },
        defaultTarget: 'all',
        scaledDurations: Object.values(options.attributes)
            .filter((a) => a.unit === 'ms' || a.unit === 'us')
            .map((a) => a.from),
        stopsData: options.stopsData,
        holdsEnd: options.holdsEnd,
        notInToxiproxy: options.notInToxiproxy,
        describe: (spec) => options.describe(spec),
        async apply(occurrence, targets) {
            const spec = occurrence.spec;
            const payload = toxicAttributes(spec, { speed: targets.toxicSpeed });
            // The client's type union lists Toxiproxy's toxics only; duress's own go to the embedded proxy alone,
            // since a scenario using one is refused up front with --toxiproxy (checkToxicsSupported).
            const body = { name: toxicName(occurrence.id), ...payload };
            const toxics = await Promise.all(occurrence.instances.map((slot) => targets.route(slot, spec.link).addToxic(body)));
            return async () => {
                await Promise.all(toxics.map((x) => x.remove()));
            };
        },
    };
    registerToxic(options.name, options.create);
    wireAttributes.set(options.name, options.attributes);
    registerFaultKind(kind);
    return kind;
}
//# sourceMappingURL=toxic-kind.js.map