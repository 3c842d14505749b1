import type { z } from 'zod';
/** The candidate a user most likely meant by `word`, if any is close enough to be worth saying. */
export declare function suggest(word: string, candidates: readonly string[]): string | undefined;
/**
 * `unknown key "flsh"; did you mean "flush"?`. With no close key at this level, `elsewhere` (every key
 * path of the schema) may show where the key belongs: `did you mean system.flush?`.
 */
export declare function unknownKeyMessage(key: string, validKeys: readonly string[], elsewhere?: readonly (readonly string[])[]): string;
/**
 * The zod error map for scenario validation. Returns undefined (zod's own message) only for issue kinds
 * the schema does not produce.
 */
export declare function issueMessage(iss: z.core.$ZodRawIssue): string | undefined;
