import { type Document } from 'yaml';
import { type KeyPath } from './locate.js';
/**
 * Changing a scenario before it is validated: `--set key.path=value` on the YAML document (so problems
 * in the rest of the file keep their lines), and a plain deep merge for matrix cells.
 */
/** One `--set key.path=value`: the value is read as YAML (`10s`, `false`, `[a, b]`, `{x: 1}`). */
export interface ScenarioOverride {
    path: string;
    value: string;
    /** The flag that asked for it (`--duration`), to name in problems instead of `--set <path>`. */
    flag?: string;
}
/**
 * `system.net.keepalive` → [system, net, keepalive]; `faults[0].at` and `faults.0.at` → [faults, 0, at].
 * Undefined for a malformed path (empty segments, stray brackets).
 */
export declare function parseKeyPath(path: string): (string | number)[] | undefined;
/** Reads an override's value as YAML; throws with the YAML parser's message when it is not. */
export declare function parseOverrideValue(text: string): unknown;
/**
 * Sets `value` at `path` in the document, creating missing mappings on the way. Numeric segments index
 * lists where the document has a list and are map keys otherwise. Throws when a scalar is in the way.
 */
export declare function setInDocument(doc: Document, path: KeyPath, value: unknown): void;
/**
 * Deep-merges `overrides` into `raw` (the scenario as read from YAML, before validation) and returns a
 * new object; neither argument is changed. Mappings merge key by key; lists and single values replace.
 * A dotted key (`system.net.keepalive: false`) is the same as the nested form.
 */
export declare function applyOverrides(raw: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown>;
