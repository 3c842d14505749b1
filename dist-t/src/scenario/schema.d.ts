import { z } from 'zod';
import '../sinks/builtin.js';
import '../systems/builtin.js';
import { type FaultsSchema } from './fault-schema.js';
declare function buildScenarioSchema(faultsSchema: FaultsSchema): z.ZodPipe<z.ZodObject<{
    name: z.ZodString;
    description: z.ZodOptional<z.ZodString>;
    seed: z.ZodDefault<z.ZodInt>;
    duration: z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>;
    instances: z.ZodDefault<z.ZodInt>;
    drain: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
    clock: z.ZodPrefault<z.ZodObject<{
        speed: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    system: z.ZodType<{
        [field: string]: unknown;
        kind: string;
    }, unknown, z.core.$ZodTypeInternals<{
        [field: string]: unknown;
        kind: string;
    }, unknown>>;
    sink: z.ZodPrefault<z.ZodType<{
        [field: string]: unknown;
        kind: string;
    }, unknown, z.core.$ZodTypeInternals<{
        [field: string]: unknown;
        kind: string;
    }, unknown>>>;
    failures: z.ZodPrefault<z.ZodObject<{
        hangWindow: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
        memoryLimit: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
        confidence: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    isolation: z.ZodOptional<z.ZodObject<{
        instancesPerWorker: z.ZodOptional<z.ZodInt>;
    }, z.core.$strict>>;
    faults: z.ZodDefault<z.ZodPipe<z.ZodArray<z.ZodDiscriminatedUnion<[z.ZodObject<{
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
    }, z.core.$strict>[]], "kind">>, z.ZodTransform<import("./types.js").FaultSpec[], {
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
    }[]>>>;
    matrix: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodRecord<z.ZodString, z.ZodRecord<z.ZodString, z.ZodUnknown>>>>;
    thresholds: z.ZodDefault<z.ZodArray<z.ZodString>>;
    report: z.ZodPrefault<z.ZodObject<{
        interval: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
        formats: z.ZodDefault<z.ZodArray<z.ZodEnum<{
            [x: string]: string;
        }>>>;
    }, z.core.$strict>>;
}, z.core.$strict>, z.ZodTransform<{
    description: string | undefined;
    name: string;
    seed: number;
    duration: number;
    instances: number;
    drain: number;
    clock: {
        speed: number;
    };
    system: {
        [field: string]: unknown;
        kind: string;
    };
    sink: {
        [field: string]: unknown;
        kind: string;
    };
    failures: {
        hangWindow: number;
        memoryLimit: number;
        confidence: number;
    };
    faults: import("./types.js").FaultSpec[];
    matrix: Record<string, Record<string, Record<string, unknown>>>;
    thresholds: string[];
    report: {
        interval: number;
        formats: string[];
    };
    isolation?: {
        instancesPerWorker?: number | undefined;
    } | undefined;
}, {
    name: string;
    seed: number;
    duration: number;
    instances: number;
    drain: number;
    clock: {
        speed: number;
    };
    system: {
        [field: string]: unknown;
        kind: string;
    };
    sink: {
        [field: string]: unknown;
        kind: string;
    };
    failures: {
        hangWindow: number;
        memoryLimit: number;
        confidence: number;
    };
    faults: import("./types.js").FaultSpec[];
    matrix: Record<string, Record<string, Record<string, unknown>>>;
    thresholds: string[];
    report: {
        interval: number;
        formats: string[];
    };
    description?: string | undefined;
    isolation?: {
        instancesPerWorker?: number | undefined;
    } | undefined;
}>>;
/** Cells of a matrix: the product of the number of values of each dimension (1 without a matrix). */
export declare function matrixCellCount(matrix: unknown): number;
type ScenarioSchema = ReturnType<typeof buildScenarioSchema>;
/**
 * The scenario file's schema, composed from the system, sink and fault kinds and the report formats
 * registered now: made anew when one was registered since it was last made (a user's own kind, registered before its scenario
 * is loaded; faultsSchema() gives a new schema when a fault kind was registered).
 */
export declare function scenarioSchema(): ScenarioSchema;
/** What a scenario file may contain (before defaults and units). */
export type ScenarioInput = z.input<ScenarioSchema>;
export {};
