import { z } from 'zod';
import type { FaultSpec } from '../faults/fault-spec.js';
import './fault-kinds.js';
declare function buildFaultsSchema(): z.ZodPipe<z.ZodArray<z.ZodDiscriminatedUnion<[z.ZodObject<{
    for: z.ZodType<unknown, unknown, z.core.$ZodTypeInternals<unknown, unknown>>;
    name: z.ZodOptional<z.ZodString>;
    at: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
    every: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<{
        kind: "periodic";
        interval: number;
    } | {
        kind: "random";
        mean: number;
    }, string>>>;
    share: z.ZodOptional<z.ZodNumber>;
    instances: z.ZodOptional<z.ZodInt>;
    kind: z.ZodLiteral<string>;
}, z.core.$strict>, ...z.ZodObject<{
    for: z.ZodType<unknown, unknown, z.core.$ZodTypeInternals<unknown, unknown>>;
    name: z.ZodOptional<z.ZodString>;
    at: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
    every: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<{
        kind: "periodic";
        interval: number;
    } | {
        kind: "random";
        mean: number;
    }, string>>>;
    share: z.ZodOptional<z.ZodNumber>;
    instances: z.ZodOptional<z.ZodInt>;
    kind: z.ZodLiteral<string>;
}, z.core.$strict>[]], "kind">>, z.ZodTransform<FaultSpec[], {
    for: unknown;
    at: number;
    kind: string;
    name?: string | undefined;
    every?: {
        kind: "periodic";
        interval: number;
    } | {
        kind: "random";
        mean: number;
    } | undefined;
    share?: number | undefined;
    instances?: number | undefined;
}[]>>;
/** The schema of `faults`, as built from the registry at some moment. */
export type FaultsSchema = ReturnType<typeof buildFaultsSchema>;
/**
 * The schema of `faults`, composed from the registered fault kinds (src/faults/fault-kinds.ts); made anew
 * when a kind was registered since, so a kind a user's module registers is known to the next load.
 */
export declare function faultsSchema(): FaultsSchema;
export {};
