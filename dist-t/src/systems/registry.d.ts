import { KindRegistry } from '../core/kind-registry.js';
import type { BaseHeartbeat, BaseStopped } from './isolation/worker-protocol.js';
import type { SystemKind } from './system-kind.js';
import type { Watch } from './watch.js';
/**
 * Every system kind a scenario may name (`system: { kind }`); the built-in ones are registered by
 * builtin.ts. `register` refuses a name taken; `get` an unknown name, naming the registered ones.
 */
export declare const systemKinds: KindRegistry<SystemKind<{
    kind: string;
}, BaseHeartbeat, BaseStopped, object, Watch>>;
/**
 * Registers a system kind, so scenarios may name it (`system: { kind: <name> }`): the scenario schema, the
 * JSON Schema, the links check and the engine read it from here. Call it once, before loading a scenario
 * that names it (the top level of the module that defines the kind is a good place). Throws when the name
 * is taken. SystemKind (system-kind.ts) says what a kind declares; test/fixtures/toy-kind/ is an example.
 */
export declare function registerSystemKind<C extends {
    kind: string;
}, H extends BaseHeartbeat, S extends BaseStopped, D extends object, W extends Watch>(kind: SystemKind<C, H, S, D, W>): void;
