import { z } from 'zod';
export declare const brokerSchema: z.ZodObject<{
    kind: z.ZodLiteral<"broker">;
    publishers: z.ZodDefault<z.ZodInt>;
    subscribers: z.ZodDefault<z.ZodInt>;
    peers: z.ZodDefault<z.ZodInt>;
    topics: z.ZodDefault<z.ZodInt>;
    rate: z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>;
    payloadSize: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
    inbox: z.ZodPrefault<z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"block">;
        limit: z.ZodPrefault<z.ZodObject<{
            messages: z.ZodOptional<z.ZodInt>;
            bytes: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
        }, z.core.$strict>>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"drop-newest">;
        limit: z.ZodPrefault<z.ZodObject<{
            messages: z.ZodOptional<z.ZodInt>;
            bytes: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
        }, z.core.$strict>>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"disconnect">;
        hard: z.ZodOptional<z.ZodObject<{
            messages: z.ZodOptional<z.ZodInt>;
            bytes: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
        }, z.core.$strict>>;
        soft: z.ZodOptional<z.ZodObject<{
            messages: z.ZodOptional<z.ZodInt>;
            bytes: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
        }, z.core.$strict>>;
        softFor: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"elastic">;
        limit: z.ZodOptional<z.ZodObject<{
            messages: z.ZodOptional<z.ZodInt>;
            bytes: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
        }, z.core.$strict>>;
        lag: z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodLiteral<0>]>, z.ZodTransform<number, string | 0>>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"unbounded">;
    }, z.core.$strict>], "kind">>;
    syncAck: z.ZodOptional<z.ZodObject<{
        slots: z.ZodInt;
    }, z.core.$strict>>;
    creditWindow: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
    writeHighWater: z.ZodPrefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodInt]>, z.ZodTransform<number, string | number>>>;
}, z.core.$strict>;
