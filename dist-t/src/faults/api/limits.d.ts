import type { JValue } from '../go-json.js';
import { ToxiproxyApiError } from './errors.js';
/**
 * Bounds on what one API request may ask, which real Toxiproxy does not have: its Go server reads a body of
 * any size (only its 15 s read timeout ends a slow one) and takes names of any length. In duress the API
 * shares the process with the run it faults, so a 15 MB name must not take it to a gigabyte and stop it
 * answering. Nesting depth needs no bound here: the parser stops at Go's own 10,000 (`exceeded max depth`).
 */
/** Largest request body read: a populate of about 5,000 proxies fits. Larger bodies get 413. */
export declare const MAX_BODY_BYTES: number;
/** Longest string (name, address, type, stream, or any key) in a request body, in UTF-8 bytes. */
export declare const MAX_STRING_BYTES = 1024;
/** 413 in Toxiproxy's error shape, sent before the body is read past the limit. */
export declare function bodyTooLarge(): ToxiproxyApiError;
/**
 * Throws a 400 `bad request body: …` naming the first string (or key) longer than MAX_STRING_BYTES, with
 * its place in the body (`[2].name`, `attributes`). Walks without recursion.
 */
export declare function checkStringLengths(body: JValue): void;
