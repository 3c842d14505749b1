import { z } from 'zod';
import { durationRange } from '../core/fields.js';
import { registerFaultKind } from './fault-kinds.js';
/**
 * The instance faults: kill and pause act on the instance itself, through the cell's runner. By default
 * each occurrence hits one instance: hitting every instance at once would make failures cluster (and the
 * hours-to-failure bounds assume independent failures).
 */
export const killFaultKind = {
    name: 'kill',
    description: 'The instance is killed (instantaneous); the cell replaces it as after any crash.',
    acts: 'instance',
    params: {},
    forField: z
        .never({ error: 'kill is instantaneous, so it takes no `for`; remove it (pause freezes an instance for a while)' })
        .optional()
        .describe('Not allowed: kill is instantaneous.'),
    defaultTarget: 'one',
    instantaneous: true,
    scaledDurations: [],
    stopsData: false,
    describe: () => '',
    async apply(occurrence, targets) {
        for (const slot of occurrence.instances)
            targets.kill(slot, occurrence.id);
        return async () => { };
    },
};
export const pauseFaultKind = {
    name: 'pause',
    description: 'The instance is frozen for `for`.',
    acts: 'instance',
    params: {},
    forField: durationRange({ missing: 'pause needs `for`: how long the instance stays frozen, such as 30s or 10s..1m' }).describe('How long the instance stays frozen: 30s, or 10s..30s (uniform, seeded).'),
    defaultTarget: 'one',
    scaledDurations: [],
    stopsData: false,
    describe: () => '',
    async apply(occurrence, targets) {
        // The timeline ends an occurrence at the end of the cell at the latest.
        for (const slot of occurrence.instances)
            targets.freeze(slot, Math.max(0, occurrence.end - occurrence.start));
        return async () => { };
    },
};
registerFaultKind(killFaultKind);
registerFaultKind(pauseFaultKind);
//# sourceMappingURL=instance-fault-kinds.js.map