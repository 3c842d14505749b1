import { KindRegistry } from '../core/kind-registry.js';
import type { SystemKind } from './system-kind.js';

/**
 * Every system kind a scenario may name (`system: { kind }`); the built-in ones are registered by
 * builtin.ts. `register` refuses a name taken; `get` an unknown name, naming the registered ones.
 */
export const systemKinds = new KindRegistry<SystemKind>('system');
