import { z } from 'zod';
/**
 * `system: { kind: module, path, input, options }`: a user's output module (contract.ts) run as the
 * system under test. `path` is resolved against the scenario file's folder and checked here, before any
 * run: a missing module, one that does not load, or one without a default function is a problem of the
 * scenario at `system.path` (file:line, exit 2).
 */
export declare const moduleSchema: z.ZodObject<{
    kind: z.ZodLiteral<"module">;
    path: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
    input: z.ZodObject<{
        rate: z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>;
        recordSize: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
    }, z.core.$strict>;
    sink: z.ZodDefault<z.ZodString>;
    options: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
}, z.core.$strict>;
export type ModuleConfig = z.output<typeof moduleSchema>;
