import type { Renderer } from './renderer.js';

/** report.json: the model itself, two-space JSON with a final newline. */
export const renderJson: Renderer = (model) => `${JSON.stringify(model, null, 2)}\n`;
