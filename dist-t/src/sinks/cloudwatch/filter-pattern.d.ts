import { type ApiError } from './api-errors.js';
/**
 * The term part of CloudWatch Logs' filter pattern syntax (user guide, "Filter pattern syntax for
 * metric filters, subscription filters, filter log events, and Live Tail", "Matching terms in unstructured
 * log events"): `ERROR` (the term appears), `ERROR Exception` (both appear), `"a phrase"` (the phrase
 * appears), `?ERROR ?WARN` (any of the `?` terms appears), `-DEBUG` (the term does not appear), matched
 * case-sensitively anywhere in the message. JSON (`{ … }`) and space-delimited (`[ … ]`) patterns and
 * regular expressions (`%…%`) are not emulated: they are refused with InvalidParameterException naming
 * the limitation, rather than silently matching everything.
 */
export type MessageFilter = (message: string) => boolean;
export declare function parseFilterPattern(pattern: string | undefined): MessageFilter | ApiError;
