/**
 * A registry of named kinds (system kinds, sink kinds): each registered once under its name, looked up by
 * the name a scenario gives. Registering a name twice, or asking for one never registered, is a clear
 * error naming what is known. `version` changes with every registration, so what is composed from the
 * registry (the scenario schema) knows to compose itself again.
 */
export declare class KindRegistry<K extends {
    readonly name: string;
}> {
    #private;
    /** `what`: the kind of kind, for messages (`system`, `sink`). */
    constructor(what: string);
    /** Adds a kind; throws if its name is empty, malformed or taken. */
    register(kind: K): void;
    /** The kind registered under `name`; throws, naming the registered ones, when there is none. */
    get(name: string): K;
    /** The kind registered under `name`, or undefined. */
    find(name: string): K | undefined;
    /** Every registered kind, in registration order. */
    list(): K[];
    names(): string[];
    /** Changes with every registration. */
    get version(): number;
}
