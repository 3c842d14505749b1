import { z } from 'zod';
/**
 * `system: { kind: forwarder }`: the forwarder's scenario fragment (config.ts types its output). Objects
 * are strict, unit strings become numbers, and every default is applied here; defaults follow Fluent Bit
 * where it has one (domain.md §1). Defaults of unit fields are given in their YAML form (`prefault`).
 */
/** Fluent Bit's async DNS timeout: connect_timeout minus 1 s when over 3 s, else minus a third (domain.md §1). */
export declare function deriveDnsTimeout(connectTimeoutMs: number): number;
export declare const forwarderSchema: z.ZodObject<{
    kind: z.ZodLiteral<"forwarder">;
    input: z.ZodObject<{
        rate: z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>;
        recordSize: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
    }, z.core.$strict>;
    flush: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
    memLimit: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
    onFull: z.ZodDefault<z.ZodEnum<{
        pause: "pause";
        drop: "drop";
    }>>;
    chunkSize: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
    scheduler: z.ZodPrefault<z.ZodObject<{
        kind: z.ZodDefault<z.ZodEnum<{
            async: "async";
            "sync-minimal": "sync-minimal";
            "sync-legacy": "sync-legacy";
        }>>;
        workers: z.ZodDefault<z.ZodInt>;
        base: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
        cap: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
        retryLimit: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodInt, z.ZodEnum<{
            off: "off";
            unlimited: "unlimited";
            no_limits: "no_limits";
            no_retries: "no_retries";
        }>, z.ZodLiteral<false>]>, z.ZodTransform<number | null, number | false | "off" | "unlimited" | "no_limits" | "no_retries">>>;
    }, z.core.$strict>>;
    output: z.ZodPrefault<z.ZodObject<{
        kind: z.ZodDefault<z.ZodLiteral<"cloudwatch">>;
        logGroup: z.ZodDefault<z.ZodString>;
        logStreamPrefix: z.ZodDefault<z.ZodString>;
        autoCreateGroup: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodBoolean, z.ZodEnum<{
            on: "on";
            off: "off";
            yes: "yes";
            no: "no";
        }>]>, z.ZodTransform<boolean, boolean | "on" | "off" | "yes" | "no">>>;
    }, z.core.$strict>>;
    net: z.ZodPrefault<z.ZodPipe<z.ZodObject<{
        stack: z.ZodDefault<z.ZodEnum<{
            async: "async";
            sync: "sync";
        }>>;
        keepalive: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodBoolean, z.ZodEnum<{
            on: "on";
            off: "off";
            yes: "yes";
            no: "no";
        }>]>, z.ZodTransform<boolean, boolean | "on" | "off" | "yes" | "no">>>;
        keepaliveIdleTimeout: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
        connectTimeout: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
        ioTimeout: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
        dnsTimeout: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
    }, z.core.$strict>, z.ZodTransform<{
        dnsTimeout: number;
        stack: "async" | "sync";
        keepalive: boolean;
        keepaliveIdleTimeout: number;
        connectTimeout: number;
        ioTimeout: number;
    }, {
        stack: "async" | "sync";
        keepalive: boolean;
        keepaliveIdleTimeout: number;
        connectTimeout: number;
        ioTimeout: number;
        dnsTimeout?: number | undefined;
    }>>>;
}, z.core.$strict>;
