import type { SystemKind } from '../system-kind.js';
import { type ModuleSpawnData, type ModuleWatch } from './cell.js';
import type { ModuleHeartbeat, ModuleStopped } from './messages.js';
import { type ModuleConfig } from './schema.js';
/**
 * `system: { kind: module, path: ./my-output.js }`: a user's own output module (contract.ts) as the system
 * under test. Each instance runs the module in its own worker thread and posts to the cell's sink through
 * its own proxy route (the one link, `sink`) by its own DNS name, so toxics, DNS faults and sink faults each
 * hit one instance, and the watchdog judges it as any other system.
 */
export declare const moduleKind: SystemKind<ModuleConfig, ModuleHeartbeat, ModuleStopped, ModuleSpawnData, ModuleWatch>;
