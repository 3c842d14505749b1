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
/** Adds a report format. A name or file already taken, or a malformed name, is refused with a TypeError. */
export declare function registerRenderer(kind: RendererKind): RendererKind;
/** The registered format of that name, or undefined. */
export declare function rendererKind(name: string): RendererKind | undefined;
/** Every registered format, in registration order (the built-in ones first). */
export declare function rendererKinds(): readonly RendererKind[];
export declare function isReportFormat(name: string): boolean;
/** Changes whenever a format is registered: a schema built from the formats is stale when it moved. */
export declare function renderersVersion(): number;
