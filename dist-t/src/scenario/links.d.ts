import type { z } from 'zod';
/**
 * Checks each fault against the system it acts on, as its kind's LinkPlan says: a link that exists (a
 * kind with no default link needs every network fault to name one), no DNS fault where nothing resolves
 * names, no sink fault where there is no sink, nor another sink's own fault; and a sink of the kind the
 * system writes to. Runs inside the scenario's superRefine, on data that may have other problems: a system
 * that did not validate is not checked.
 */
export declare function checkFaultLinks(system: unknown, sink: unknown, faults: readonly unknown[], ctx: z.RefinementCtx): void;
