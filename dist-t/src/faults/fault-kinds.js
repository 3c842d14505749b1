/**
 * The registry of fault kinds: the one list of the faults a scenario may use. Built-in kinds register
 * when their module is imported (src/scenario/fault-kinds.ts imports them all); a user's module registers
 * its own the same way, before loading a scenario that uses them.
 */
const kinds = new Map();
let version = 0;
const NAME_PATTERN = /^[a-z][a-z0-9_-]*$/;
/** Keys every fault entry has (its kind and timing, src/scenario/fault-schema.ts): no kind's parameter may take one. */
const COMMON_KEYS = new Set(['kind', 'name', 'at', 'for', 'every', 'share', 'instances', 'target']);
/**
 * Registers a fault kind under its name, once. A second kind of the same name is refused (two descriptors
 * for one name would make the schema, the applier and the reports disagree).
 */
export function registerFaultKind(kind) {
    if (!NAME_PATTERN.test(kind.name)) {
        throw new Error(`fault kind name ${JSON.stringify(kind.name)}: expected lower-case letters, digits, '_' and '-', starting with a letter`);
    }
    if (kinds.has(kind.name))
        throw new Error(`fault kind ${kind.name} is already registered`);
    const clash = Object.keys(kind.params).find((key) => COMMON_KEYS.has(key));
    if (clash !== undefined)
        throw new Error(`fault kind ${kind.name}: parameter ${clash} would hide the key of that name every fault has`);
    // Methods are checked bivariantly: a kind's own spec type stands for FaultSpec here, and the registry
    // hands each kind only specs of its own kind (validated by its own schema).
    kinds.set(kind.name, kind);
    version++;
}
/** The registered kind of this name, or undefined. */
export function faultKind(name) {
    return kinds.get(name);
}
/** The registered kind of a spec; throws for an unregistered kind (a spec the scenario schema never made). */
export function kindOf(spec) {
    const kind = kinds.get(spec.kind);
    if (!kind)
        throw new Error(`fault kind ${spec.kind} is not registered`);
    return kind;
}
/** The order of the families in faultKinds(): what a fault acts on, from the network inwards. */
const FAMILY_ORDER = ['link', 'dns', 'sink', 'instance'];
/**
 * Every registered kind: by what it acts on (link, dns, sink, instance), then in registration order. This
 * is the order the scenario schema, its error messages and the JSON Schema list them in; grouping by
 * family keeps it the same whichever module happened to be imported first.
 */
export function faultKinds() {
    return [...kinds.values()].sort((a, b) => FAMILY_ORDER.indexOf(a.acts) - FAMILY_ORDER.indexOf(b.acts));
}
/** Changes whenever a kind is registered: what is built from the registry (the scenario schema) is rebuilt when it moves. */
export function faultKindsVersion() {
    return version;
}
//# sourceMappingURL=fault-kinds.js.map