// The built-in report formats, one registration each; a new one is a file in this folder and a line here.
import { registerRenderer } from './registry.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal } from './terminal.js';
export { isReportFormat, registerRenderer, rendererKind, rendererKinds, renderersVersion } from './registry.js';
/** report.json: the model itself, two-space JSON with a final newline. */
export const renderJson = (model) => `${JSON.stringify(model, null, 2)}\n`;
registerRenderer({ name: 'terminal', file: undefined, description: 'the summary duress run prints (stdout)', render: renderTerminal });
registerRenderer({ name: 'json', file: 'report.json', description: 'the report model as JSON', render: renderJson });
registerRenderer({ name: 'markdown', file: 'report.md', description: 'GitHub tables for pull requests and step summaries', render: renderMarkdown });
registerRenderer({ name: 'html', file: 'report.html', description: 'a self-contained page with charts', render: renderHtml });
registerRenderer({ name: 'junit', file: 'junit.xml', description: 'JUnit XML: a test case per threshold and per cell', render: renderJunit });
//# sourceMappingURL=index.js.map