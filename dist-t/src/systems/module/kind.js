import { ModuleCell } from './cell.js';
import { moduleSchema } from './schema.js';
/**
 * `system: { kind: module, path: ./my-output.js }`: a user's own output module (contract.ts) as the system
 * under test. Each instance runs the module in its own worker thread and posts to the cell's sink through
 * its own proxy route (the one link, `sink`) by its own DNS name, so toxics, DNS faults and sink faults each
 * hit one instance, and the watchdog judges it as any other system.
 */
export const moduleKind = {
    name: 'module',
    noun: 'an output module',
    schema: moduleSchema,
    links: () => ({ names: ['sink'], defaultLink: 'sink', upstream: 'sink', dns: true, describe: 'an output module has one link, sink' }),
    sink: (config) => config.sink,
    // The module's own timing is its own; duress scales only what it schedules (the input rate).
    scaledDurations: () => [],
    recordsPerSecond: (config) => config.input.rate,
    isolation: {
        worker: new URL('./worker.js', import.meta.url),
        minHeapMb: 32,
        // Lookups are the module's client's to time out, as a real resolver's caller would.
        lookupTimeout: () => null,
    },
    createCell: (context) => new ModuleCell(context),
};
//# sourceMappingURL=kind.js.map