import type { SinkKind } from './sink.js';
import { KindRegistry } from '../core/kind-registry.js';

/** Every sink kind a scenario may name (`sink: { kind }`); the built-in ones are registered by builtin.ts. */
export const sinkKinds = new KindRegistry<SinkKind>('sink');
