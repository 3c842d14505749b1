import { type Renderer } from './registry.js';
export { isReportFormat, registerRenderer, rendererKind, rendererKinds, renderersVersion, type RenderOptions, type Renderer, type RendererKind, type ReportFormat } from './registry.js';
/** report.json: the model itself, two-space JSON with a final newline. */
export declare const renderJson: Renderer;
