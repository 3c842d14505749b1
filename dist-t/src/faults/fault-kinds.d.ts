import type { FaultKind } from './fault-kind.js';
import type { FaultSpec } from './fault-spec.js';
/**
 * Registers a fault kind under its name, once. A second kind of the same name is refused (two descriptors
 * for one name would make the schema, the applier and the reports disagree).
 */
export declare function registerFaultKind<S extends FaultSpec>(kind: FaultKind<S>): void;
/** The registered kind of this name, or undefined. */
export declare function faultKind(name: string): FaultKind | undefined;
/** The registered kind of a spec; throws for an unregistered kind (a spec the scenario schema never made). */
export declare function kindOf(spec: {
    kind: string;
}): FaultKind;
/**
 * Every registered kind: by what it acts on (link, dns, sink, instance), then in registration order. This
 * is the order the scenario schema, its error messages and the JSON Schema list them in; grouping by
 * family keeps it the same whichever module happened to be imported first.
 */
export declare function faultKinds(): readonly FaultKind[];
/** Changes whenever a kind is registered: what is built from the registry (the scenario schema) is rebuilt when it moves. */
export declare function faultKindsVersion(): number;
