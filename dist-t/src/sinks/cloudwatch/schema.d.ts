import { z } from 'zod';
/**
 * The CloudWatch service generation the sink emulates, chosen by `sequenceTokens` (the two changed together
 * in January 2023): `ignored` (today) has no per-stream quota and 1 MB events; `enforced` (before 2023)
 * has the 5 requests/s per-stream quota and 256 KB events. `streamRate` and `maxEventSize` override either.
 */
export declare const cloudWatchSinkSchema: z.ZodPipe<z.ZodObject<{
    kind: z.ZodLiteral<"cloudwatch">;
    sequenceTokens: z.ZodPipe<z.ZodDefault<z.ZodUnion<readonly [z.ZodEnum<{
        ignored: "ignored";
        enforced: "enforced";
    }>, z.ZodPipe<z.ZodUnion<readonly [z.ZodBoolean, z.ZodEnum<{
        on: "on";
        off: "off";
        yes: "yes";
        no: "no";
    }>]>, z.ZodTransform<boolean, boolean | "on" | "off" | "yes" | "no">>]>>, z.ZodTransform<"ignored" | "enforced", boolean | "ignored" | "enforced">>;
    streamRate: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>>;
    streamBurst: z.ZodDefault<z.ZodInt>;
    maxEventSize: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
    idleTimeout: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
    latency: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
    tls: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodBoolean, z.ZodEnum<{
        on: "on";
        off: "off";
        yes: "yes";
        no: "no";
    }>]>, z.ZodTransform<boolean, boolean | "on" | "off" | "yes" | "no">>>;
    keepEvents: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
    requestBudget: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
}, z.core.$strict>, z.ZodTransform<{
    streamRate: number;
    maxEventSize: number;
    kind: "cloudwatch";
    sequenceTokens: "ignored" | "enforced";
    streamBurst: number;
    idleTimeout: number;
    latency: number;
    tls: boolean;
    keepEvents: number;
    requestBudget: number;
}, {
    kind: "cloudwatch";
    sequenceTokens: "ignored" | "enforced";
    streamBurst: number;
    idleTimeout: number;
    latency: number;
    tls: boolean;
    keepEvents: number;
    requestBudget: number;
    streamRate?: number | undefined;
    maxEventSize?: number | undefined;
}>>;
