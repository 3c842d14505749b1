import { z } from 'zod';
/** Which values a duration field refuses besides malformed ones. */
export interface DurationOptions {
    /** Refuse 0: for intervals and windows where 0 has no meaning. */
    positive?: boolean;
}
/** A duration in scenario ms: `500ms`, `10s`, `2h`, `1h30m`, or `0`. At most what a timer can wait. */
export declare function duration(options?: DurationOptions): z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>;
/**
 * A duration longer than 0, or a range `10s..30s` drawn uniformly with the seed: `{ min, max }` in scenario
 * ms (equal for a plain duration). `missing` replaces the message for an absent key.
 */
export declare function durationRange(options?: {
    missing?: string;
}): z.ZodPipe<z.ZodString, z.ZodTransform<{
    min: number;
    max: number;
}, string>>;
/** A repetition: `10m` (periodic, from the first start) or `~20m` (random, exponential gaps with that mean). Longer than 0. */
export declare function repeat(): z.ZodPipe<z.ZodString, z.ZodTransform<{
    kind: "periodic";
    interval: number;
} | {
    kind: "random";
    mean: number;
}, string>>;
/**
 * A rate in events per scenario second: `2000/s`, `120/m`, `10/h`, or a plain number per second.
 * `max` (per second) refuses what no instance could be asked for (limits.ts).
 */
export declare function rate(options?: {
    positive?: boolean;
    max?: number;
    what?: string;
}): z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>;
/**
 * A size in bytes: `200B`, `64KB`, `64MB` (1024-based, as Fluent Bit reads `Mem_Buf_Limit`), or plain bytes.
 * `max` refuses sizes no record could have (limits.ts).
 */
export declare function size(options?: {
    positive?: boolean;
    max?: number;
    what?: string;
}): z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>;
/** true/false, or on/off, yes/no. */
export declare function flag(): z.ZodPipe<z.ZodUnion<readonly [z.ZodBoolean, z.ZodEnum<{
    on: "on";
    off: "off";
    yes: "yes";
    no: "no";
}>]>, z.ZodTransform<boolean, boolean | "on" | "off" | "yes" | "no">>;
/** Retries per chunk: a whole number, `no_retries` (0), or unlimited (`unlimited`, `no_limits`, `false`, `off` → null). */
export declare function retryLimit(): z.ZodPipe<z.ZodUnion<readonly [z.ZodInt, z.ZodEnum<{
    off: "off";
    unlimited: "unlimited";
    no_limits: "no_limits";
    no_retries: "no_retries";
}>, z.ZodLiteral<false>]>, z.ZodTransform<number | null, number | false | "off" | "unlimited" | "no_limits" | "no_retries">>;
