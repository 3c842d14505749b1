import type { ReportModel } from '../model.js';

/** Choices a renderer may honour; a renderer is otherwise a pure function of the model. */
export interface RenderOptions {
  /** ANSI colours (terminal only). */
  color?: boolean;
}

/** Turns a report model into text: a terminal summary, a Markdown page, an HTML file, JSON, JUnit XML. */
export type Renderer = (model: ReportModel, options?: RenderOptions) => string;

/**
 * A report format: an extension point. A renderer is a pure function of the report model (src/report/model.ts,
 * the same model report.json holds) that returns the whole text; duress writes it into the run folder under
 * `file`, or to stdout when it has none (the terminal summary). A scenario names the formats it wants in
 * `report.formats` by `name`; `duress run` and `duress report DIR` write the same ones.
 *
 * Adding one is a file that calls `registerRenderer` (src/report/renderers/index.ts registers the built-in
 * ones), or the same call from the user's own module through the public API before the scenario is loaded.
 */
export interface RendererKind {
  /** The name in `report.formats`: lowercase letters, digits and '-'. */
  readonly name: string;
  /** The file it writes in the run folder (`report.md`); undefined: its text goes to the terminal. */
  readonly file: string | undefined;
  /** One line for the scenario's JSON Schema: what it writes. */
  readonly description: string;
  readonly render: Renderer;
}

/** A report format's name (`markdown`, `junit`, or one a user registered). */
export type ReportFormat = string;

const NAME = /^[a-z][a-z0-9-]*$/;
const kinds = new Map<string, RendererKind>();
let version = 0;

/** Adds a report format. A name or file already taken, or a malformed name, is refused with a TypeError. */
export function registerRenderer(kind: RendererKind): RendererKind {
  if (!NAME.test(kind.name)) throw new TypeError(`a report format's name is lowercase letters, digits and '-', got ${JSON.stringify(kind.name)}`);
  if (kinds.has(kind.name)) throw new TypeError(`report format ${JSON.stringify(kind.name)} is registered already`);
  if (typeof kind.render !== 'function') throw new TypeError(`report format ${JSON.stringify(kind.name)} has no render function`);
  if (kind.file !== undefined) {
    if (kind.file === 'results.json' || kind.file === 'journal.jsonl' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(kind.file)) {
      throw new TypeError(`report format ${JSON.stringify(kind.name)}: ${JSON.stringify(kind.file)} is not a file name it may write in the run folder`);
    }
    const taken = [...kinds.values()].find((k) => k.file === kind.file);
    if (taken) throw new TypeError(`report format ${JSON.stringify(kind.name)}: ${kind.file} is written by ${taken.name} already`);
  }
  kinds.set(kind.name, kind);
  version += 1;
  return kind;
}

/** The registered format of that name, or undefined. */
export function rendererKind(name: string): RendererKind | undefined {
  return kinds.get(name);
}

/** Every registered format, in registration order (the built-in ones first). */
export function rendererKinds(): readonly RendererKind[] {
  return [...kinds.values()];
}

export function isReportFormat(name: string): boolean {
  return kinds.has(name);
}

/** Changes whenever a format is registered: a schema built from the formats is stale when it moved. */
export function renderersVersion(): number {
  return version;
}
