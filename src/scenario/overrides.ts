import { isCollection, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { formatKeyPath, type KeyPath } from './locate.js';

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
export function parseKeyPath(path: string): (string | number)[] | undefined {
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    const [, name = '', indexes = ''] = match;
    if (name === '' && indexes === '') return undefined;
    if (name !== '') segments.push(/^\d+$/.test(name) ? Number(name) : name);
    for (const index of indexes.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** Reads an override's value as YAML; throws with the YAML parser's message when it is not. */
export function parseOverrideValue(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) throw new Error(`value ${JSON.stringify(text)} is not valid YAML: ${error.message}`);
  return doc.toJS({ maxAliasCount: 100 });
}

/**
 * Sets `value` at `path` in the document, creating missing mappings on the way. Numeric segments index
 * lists where the document has a list and are map keys otherwise. Throws when a scalar is in the way.
 */
export function setInDocument(doc: Document, path: KeyPath, value: unknown): void {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i] as string | number;
    if (isSeq(node) && typeof segment !== 'number') {
      throw new Error(`${formatKeyPath(path.slice(0, i)) || 'the document'} is a list: name an item by its index, such as ${formatKeyPath([...path.slice(0, i), 0])}`);
    }
    if (i === path.length - 1) break;
    const next: unknown = isSeq(node) ? node.get(Number(segment), true) : isMap(node) ? node.get(String(segment), true) : undefined;
    if (next === undefined || next === null) break;
    if (isScalar(next) && next.value === null) {
      // `net:` with nothing under it: an empty mapping to set into.
      doc.setIn(
        path.slice(0, i + 1).map((s) => String(s)),
        doc.createNode({}),
      );
      break;
    }
    if (!isCollection(next)) {
      throw new Error(`cannot set a key inside ${formatKeyPath(path.slice(0, i + 1))}: it is a single value, not a mapping or list`);
    }
    node = next;
  }
  // Map keys stay strings (`0` under a mapping is the key "0"); yaml turns them into indexes for lists.
  doc.setIn(
    path.map((s) => String(s)),
    doc.createNode(value),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Deep-merges `overrides` into `raw` (the scenario as read from YAML, before validation) and returns a
 * new object; neither argument is changed. Mappings merge key by key; lists and single values replace.
 * A dotted key (`system.net.keepalive: false`) is the same as the nested form.
 */
export function applyOverrides(raw: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  let result: Record<string, unknown> = { ...raw };
  for (const [key, value] of Object.entries(overrides)) {
    const path = key.includes('.') ? key.split('.') : [key];
    result = mergeAt(result, path, value);
  }
  return result;
}

function mergeAt(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return target;
  const existing = target[head];
  if (rest.length > 0) {
    return { ...target, [head]: mergeAt(isPlainObject(existing) ? existing : {}, rest, value) };
  }
  if (isPlainObject(existing) && isPlainObject(value)) return { ...target, [head]: applyOverrides(existing, value) };
  return { ...target, [head]: value };
}

/** Removes `instances` from every matrix value of the document (when a flag sets it for every cell). */
export function dropMatrixInstances(doc: Document): void {
  const matrix = doc.get('matrix', true);
  if (!isMap(matrix)) return;
  for (const dimension of matrix.items) {
    if (!isMap(dimension.value)) continue;
    for (const value of dimension.value.items) if (isMap(value.value)) value.value.delete('instances');
  }
}
