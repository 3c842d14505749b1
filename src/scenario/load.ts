import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { InputError, ScenarioError, type ScenarioProblem } from '../core/errors.js';
import { scenarioKeyPaths } from './key-index.js';
import { withClockSpeed } from '../core/limits.js';
import { withScenarioDirectory } from '../core/scenario-directory.js';
import { formatKeyPath, locate, locateInString, type KeyPath } from './locate.js';
import { issueMessage, unknownKeyMessage } from './messages.js';
import { dropMatrixInstances, parseKeyPath, parseOverrideValue, setInDocument, type ScenarioOverride } from './overrides.js';
import { scenarioSchema } from './schema.js';
import type { Scenario } from './types.js';

export { applyOverrides, type ScenarioOverride } from './overrides.js';

/** How `--set` problems are named in place of a file. */
const SET_SOURCE = '--set';

export interface LoadScenarioOptions {
  /** `--set key.path=value` overrides, applied in order to the document before validation. */
  overrides?: ScenarioOverride[];
  /** How the file is named in messages; defaults to `file` as given. */
  displayName?: string;
}

/**
 * Reads, parses and validates a scenario file. A file that cannot be read is an InputError (one line);
 * everything wrong with its content is one ScenarioError listing every problem with its line.
 */
export async function loadScenario(file: string, options: LoadScenarioOptions = {}): Promise<Scenario> {
  return (await loadScenarioDocument(file, options)).scenario;
}

/** Like loadScenario, and also returns the document's data as written (for matrix expansion). */
export async function loadScenarioDocument(file: string, options: LoadScenarioOptions = {}): Promise<{ scenario: Scenario; data: Record<string, unknown> }> {
  const name = options.displayName ?? file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read scenario file ${name}: ${readFailure(err)}`, { cause: err, code: 'DURESS_SCENARIO_READ' });
  }
  // Files the scenario names (a module system's `path`) are relative to the scenario's folder.
  return withScenarioDirectory(path.dirname(path.resolve(file)), () => parseScenarioDocument(text, name, options.overrides));
}

function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/**
 * Parses and validates scenario text; `file` only names it in problems. Pure: throws a ScenarioError
 * with every problem found. A file that is not valid YAML is one problem, its first syntax error: the
 * parser guesses after it, and validating or listing what it guessed would only add noise.
 */
export function parseScenario(text: string, file: string, overrides: ScenarioOverride[] = []): Scenario {
  return parseScenarioDocument(text, file, overrides).scenario;
}

/** The flag that sets every cell's instance count (run's `--instances`, and the benches that act as it). */
export const INSTANCES_FLAG = '--instances';

/** Like parseScenario, and also returns the document's data as written (units unresolved, overrides applied). */
export function parseScenarioDocument(text: string, file: string, overrides: ScenarioOverride[] = []): { scenario: Scenario; data: Record<string, unknown> } {
  const lines = new LineCounter();
  const problem = (message: string, offset?: number): ScenarioProblem => {
    const pos = offset === undefined ? undefined : lines.linePos(offset);
    return { file, line: pos?.line ?? 0, column: pos?.col ?? 0, path: '', message };
  };
  if (text.includes('\u0000')) throw new ScenarioError([problem('not a YAML file: it contains binary data')]);

  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: true, uniqueKeys: true });
  const syntax = doc.errors.filter((e) => !KEY_ERRORS.has(e.code));
  const [first] = syntax;
  if (first) {
    // After the first real syntax error the parser is guessing; what it reports next mostly follows from it.
    const more = syntax.length > 1 ? ` (and ${syntax.length - 1} more syntax error${syntax.length > 2 ? 's' : ''} after it, often caused by this one)` : '';
    throw new ScenarioError([problem(`not valid YAML: ${first.message}${more}`, first.pos[0])]);
  }
  if (doc.errors.length > 0) {
    throw new ScenarioError(doc.errors.map((e) => problem(yamlErrorMessage(e.code, e.message), e.pos[0])));
  }
  if (doc.contents === null) {
    throw new ScenarioError([problem('the file is empty; expected a mapping of scenario keys such as name, duration and system')]);
  }
  if (!isMap(doc.contents)) {
    const found = isSeq(doc.contents) ? 'a list' : `a single value (${JSON.stringify(doc.contents.toJSON())})`;
    throw new ScenarioError([problem(`not a scenario: expected a mapping of keys such as name, duration and system, got ${found}`, doc.contents.range?.[0])]);
  }

  const setProblems: ScenarioProblem[] = [];
  const applied: { path: KeyPath; flag: string | undefined }[] = [];
  for (const override of overrides) {
    const fail = (message: string): void => {
      setProblems.push(override.flag ? { file: override.flag, line: 0, column: 0, path: '', message } : { file: SET_SOURCE, line: 0, column: 0, path: override.path, message });
    };
    const path = parseKeyPath(override.path);
    if (!path || path.length === 0) {
      fail('expected a key path such as system.net.keepalive or faults[0].at');
      continue;
    }
    try {
      setInDocument(doc, path, parseOverrideValue(override.value));
      applied.push({ path, flag: override.flag });
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
    }
  }

  // `--instances N` is every cell's count: a matrix value's own `instances` gives way to it.
  if (applied.some((a) => a.flag === INSTANCES_FLAG)) dropMatrixInstances(doc);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    throw new ScenarioError([...setProblems, problem(err instanceof Error ? err.message : String(err))]);
  }

  const result = validate(data);
  const problems = [...setProblems];
  for (const found of result.problems) {
    const place = (found.column !== undefined ? locateInString(doc, lines, found.path, found.column) : undefined) ?? locate(doc, lines, found.path, found.target);
    // A problem in what --set wrote, or in a mapping --set had to create (which has no line), is the override's;
    // the last override that wrote there is the one that counts.
    const owner = applied.findLast(
      (a) => startsWith(found.path, a.path) || (place.line === 0 && found.path.length > 0 && startsWith(a.path, found.path)),
    );
    if (owner?.flag !== undefined && startsWith(found.path, owner.path)) {
      const below = formatKeyPath(found.path.slice(owner.path.length));
      problems.push({ file: owner.flag, line: 0, column: 0, path: below, message: found.message });
    } else if (owner !== undefined) {
      problems.push({ file: SET_SOURCE, line: 0, column: 0, path: formatKeyPath(found.path), message: found.message });
    } else {
      problems.push({ file, line: place.line, column: place.column, path: formatKeyPath(found.path), message: found.message });
    }
  }
  if (problems.length > 0 || result.scenario === undefined) throw new ScenarioError(sortProblems(problems, file));
  return { scenario: result.scenario, data: data as Record<string, unknown> };
}

/**
 * Validates scenario data that has no file behind it (for example a matrix cell built with
 * applyOverrides): the problems name `source` and key paths, without lines.
 */
export function validateScenarioData(data: unknown, source: string): Scenario {
  const result = validate(data);
  if (result.scenario !== undefined) return result.scenario;
  throw new ScenarioError(result.problems.map((p) => ({ file: source, line: 0, column: 0, path: formatKeyPath(p.path), message: p.message })));
}

interface FoundProblem {
  path: KeyPath;
  message: string;
  /** Point at the key (unknown keys) or at the value (everything else). */
  target: 'key' | 'value';
  /** A column inside a string value (1-based in the string), for problems found by a parser such as the thresholds'. */
  column?: number;
}

function validate(data: unknown): { scenario: Scenario | undefined; problems: FoundProblem[] } {
  // Unknown-key issues lose their schema once zod finalises them, so the valid keys are noted on the way.
  const validKeys = new Map<string, string[]>();
  const error = (iss: z.core.$ZodRawIssue): string | undefined => {
    if (iss.code === 'unrecognized_keys') {
      const shape = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      validKeys.set(JSON.stringify(iss.path ?? []), Object.keys(shape ?? {}));
    }
    return issueMessage(iss);
  };
  const speed = (data as { clock?: { speed?: unknown } } | null | undefined)?.clock?.speed;
  const result = withClockSpeed(speed, () => scenarioSchema().safeParse(data, { error }));
  if (result.success) return { scenario: result.data, problems: [] };

  const problems: FoundProblem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const keys = validKeys.get(JSON.stringify(path)) ?? [];
      for (const key of issue.keys) {
        problems.push({ path: [...path, key], message: unknownKeyMessage(key, keys, scenarioKeyPaths()), target: 'key' });
      }
    } else {
      const column = issue.code === 'custom' ? (issue.params as { column?: unknown } | undefined)?.column : undefined;
      problems.push({ path, message: issue.message, target: 'value', ...(typeof column === 'number' ? { column } : {}) });
    }
  }
  return { scenario: undefined, problems };
}

function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
}

/** In file order; problems with no line first (they concern the whole document), `--set` ones last. */
function sortProblems(problems: ScenarioProblem[], file: string): ScenarioProblem[] {
  return [...problems].sort((a, b) => {
    if (a.file !== b.file && (a.file === file || b.file === file)) return a.file === file ? -1 : 1;
    return a.line - b.line || a.column - b.column;
  });
}

/** Parser errors about keys and documents, each a problem of its own and worth listing all of. */
const KEY_ERRORS: ReadonlySet<string> = new Set(['DUPLICATE_KEY', 'MULTIPLE_DOCS']);

/** The yaml package's messages about keys and documents, made plain where they name its own API. */
function yamlErrorMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'expected one YAML document, found several (separated by ---)';
  return `${message}: each key may appear once`;
}
