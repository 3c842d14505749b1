import type { ReportModel } from '../model.js';

/** Choices a renderer may honour; a renderer is otherwise a pure function of the model. */
export interface RenderOptions {
  /** ANSI colours (terminal only). */
  color?: boolean;
}

/** Turns a report model into text: a terminal summary, a Markdown page, an HTML file, JSON, JUnit XML. */
export type Renderer = (model: ReportModel, options?: RenderOptions) => string;
