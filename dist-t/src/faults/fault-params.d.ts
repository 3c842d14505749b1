import { z } from 'zod';
/** `link`: which proxy route of the instance a network fault acts on. */
export declare function linkField(): z.ZodOptional<z.ZodString>;
/** What every toxic has besides its attributes: `stream`, `toxicity`, `link`. */
export declare function toxicShape(): {
    stream: z.ZodDefault<z.ZodEnum<{
        upstream: "upstream";
        downstream: "downstream";
    }>>;
    toxicity: z.ZodDefault<z.ZodNumber>;
    link: z.ZodOptional<z.ZodString>;
};
/** What every DNS fault has: `toxicity`. */
export declare function dnsShape(): {
    toxicity: z.ZodDefault<z.ZodNumber>;
};
