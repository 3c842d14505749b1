import type { ReportFormat } from '../../scenario/types.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { Renderer } from './renderer.js';
import { renderTerminal } from './terminal.js';

export type { RenderOptions, Renderer } from './renderer.js';

/** Every renderer, by the name a scenario's `report.formats` uses. */
export const RENDERERS: Readonly<Record<ReportFormat, Renderer>> = {
  terminal: renderTerminal,
  json: renderJson,
  markdown: renderMarkdown,
  html: renderHtml,
  junit: renderJunit,
};

/** The file each format writes into the run folder; the terminal one goes to stdout. */
export const REPORT_FILES: Readonly<Record<Exclude<ReportFormat, 'terminal'>, string>> = {
  json: 'report.json',
  markdown: 'report.md',
  html: 'report.html',
  junit: 'junit.xml',
};

export const REPORT_FORMATS = Object.keys(RENDERERS) as ReportFormat[];

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(RENDERERS, name);
}
