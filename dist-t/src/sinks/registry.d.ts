import type { SinkKind } from './sink.js';
import { KindRegistry } from '../core/kind-registry.js';
/** Every sink kind a scenario may name (`sink: { kind }`); the built-in ones are registered by builtin.ts. */
export declare const sinkKinds: KindRegistry<SinkKind<{
    kind: string;
}>>;
/**
 * Registers a sink kind, so scenarios may name it (`sink: { kind: <name> }`) and system kinds may write to
 * it (SystemKind.sink): the engine starts one per cell. Call it once, before loading a scenario that names
 * it. Throws when the name is taken. SinkKind and Sink (sink.ts) say what a sink must do.
 */
export declare function registerSinkKind<Config extends {
    kind: string;
}>(kind: SinkKind<Config>): void;
