/**
 * A registry of named kinds (system kinds, sink kinds): each registered once under its name, looked up by
 * the name a scenario gives. Registering a name twice, or asking for one never registered, is a clear
 * error naming what is known. `version` changes with every registration, so what is composed from the
 * registry (the scenario schema) knows to compose itself again.
 */
export class KindRegistry {
    #what;
    #kinds = new Map();
    #version = 0;
    /** `what`: the kind of kind, for messages (`system`, `sink`). */
    constructor(what) {
        this.#what = what;
    }
    /** Adds a kind; throws if its name is empty, malformed or taken. */
    register(kind) {
        if (!/^[a-z][a-z0-9-]*$/.test(kind.name)) {
            throw new Error(`a ${this.#what} kind's name is lowercase letters, digits and '-', starting with a letter; got ${JSON.stringify(kind.name)}`);
        }
        if (this.#kinds.has(kind.name))
            throw new Error(`the ${this.#what} kind ${kind.name} is already registered`);
        this.#kinds.set(kind.name, kind);
        this.#version += 1;
    }
    /** The kind registered under `name`; throws, naming the registered ones, when there is none. */
    get(name) {
        const kind = this.#kinds.get(name);
        if (!kind)
            throw new Error(`no ${this.#what} kind is registered as ${JSON.stringify(name)} (registered: ${this.names().join(', ') || 'none'})`);
        return kind;
    }
    /** The kind registered under `name`, or undefined. */
    find(name) {
        return this.#kinds.get(name);
    }
    /** Every registered kind, in registration order. */
    list() {
        return [...this.#kinds.values()];
    }
    names() {
        return [...this.#kinds.keys()];
    }
    /** Changes with every registration. */
    get version() {
        return this.#version;
    }
}
//# sourceMappingURL=kind-registry.js.map