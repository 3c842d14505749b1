import { type Document, type LineCounter } from 'yaml';
/** A key path inside a scenario document: map keys as strings, list indexes as numbers. */
export type KeyPath = readonly (string | number)[];
/** A place in the file, 1-based; line 0 when the document has no node for it. */
export interface Place {
    line: number;
    column: number;
}
/** `system.net.keepalive`, `faults[0].kind`: how problems name a key path. */
export declare function formatKeyPath(path: KeyPath): string;
/**
 * Where a problem at `path` should point:
 * - `value`: at the value when it exists (a wrong type, a bad unit), else at its key;
 * - `key`: at the key itself (an unknown key);
 * When the path does not exist (a missing key), at the key of the deepest part that does: the parent
 * mapping. A missing key at the root, or a part that came from `--set`, has no place: line 0.
 */
export declare function locate(doc: Document, lines: LineCounter, path: KeyPath, target: 'value' | 'key'): Place;
/**
 * The place of a character inside a one-line string value: `column` is 1-based within the string as
 * parsed (a threshold parser's column). Undefined for values that are not one-line plain or quoted strings.
 */
export declare function locateInString(doc: Document, lines: LineCounter, path: KeyPath, column: number): Place | undefined;
