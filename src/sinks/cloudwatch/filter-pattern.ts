import { invalidParameter, type ApiError } from './api-errors.js';

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

const TOKEN = /-?\?"[^"]*"|-?\?[^\s"]+|-?"[^"]*"|-?[^\s"]+/g;

export function parseFilterPattern(pattern: string | undefined): MessageFilter | ApiError {
  const text = (pattern ?? '').trim();
  if (text === '') return () => true;
  if (/^[{[%]/.test(text)) {
    return invalidParameter(`Invalid filter pattern: ${JSON.stringify(text)}: duress's mock sink matches terms only (no JSON, space-delimited or regex patterns)`);
  }
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  for (const raw of text.match(TOKEN) ?? []) {
    const negative = raw.startsWith('-');
    let term = negative ? raw.slice(1) : raw;
    const optional = term.startsWith('?');
    if (optional) term = term.slice(1);
    if (term.startsWith('"')) term = term.slice(1, -1);
    if (term === '') continue;
    if (negative) none.push(term);
    else if (optional) any.push(term);
    else all.push(term);
  }
  return (message) =>
    all.every((t) => message.includes(t)) && (any.length === 0 || any.some((t) => message.includes(t))) && !none.some((t) => message.includes(t));
}
