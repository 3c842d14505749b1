import { z } from 'zod';
import { rate, size } from '../../core/fields.js';
import { MAX_RATE_PER_SECOND, MAX_RECORD_BYTES } from '../../core/limits.js';
import { resolveScenarioPath } from '../../core/scenario-directory.js';
import { outputModuleProblem } from './load-check.js';
/**
 * `system: { kind: module, path, input, options }`: a user's output module (contract.ts) run as the
 * system under test. `path` is resolved against the scenario file's folder and checked here, before any
 * run: a missing module, one that does not load, or one without a default function is a problem of the
 * scenario at `system.path` (file:line, exit 2).
 */
export const moduleSchema = z.strictObject({
    kind: z.literal('module').describe("A user's own output module (JavaScript, or TypeScript built to it), run under duress's faults and watchdog."),
    path: z
        .string()
        .min(1)
        .transform((file, ctx) => {
        const absolute = resolveScenarioPath(file);
        const problem = outputModuleProblem(absolute);
        if (problem !== undefined)
            ctx.addIssue({ code: 'custom', message: problem, input: file });
        return absolute;
    })
        .describe("The module's file, relative to the scenario file: an ES module whose default export is `async function (context)` (README: kind: module)."),
    input: z
        .strictObject({
        rate: rate({ positive: true, max: MAX_RATE_PER_SECOND, what: 'per instance' }).describe('Records per second, per instance: 2000/s, 120/m, or a plain number per second.'),
        recordSize: size({ positive: true, max: MAX_RECORD_BYTES, what: 'per record' }).prefault('200B').describe('Bytes of message per record, id and timestamp included.'),
    })
        .describe('The records each instance receives.'),
    sink: z.string().min(1).default('cloudwatch').describe('The sink kind the module writes to; the scenario\'s sink.kind must be it.'),
    options: z.record(z.string(), z.unknown()).default(() => ({})).describe("The module's own settings, handed to it as `context.options`."),
});
//# sourceMappingURL=schema.js.map