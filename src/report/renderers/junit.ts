import { formatMs } from '../format.js';
import type { CellReport, ReportModel } from '../model.js';
import type { ThresholdOutcome } from '../threshold-outcomes.js';
import type { Renderer } from './renderer.js';

/** Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escaped for XML text and attribute values alike. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

/** Text content: line breaks kept as they are. */
function text(value: string): string {
  return escapeXml(value).replace(/&#10;/g, '\n');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function cellCase(model: ReportModel, c: CellReport, classname: string): string {
  // JUnit time is real time: the scenario time the cell ran, divided by the clock speed.
  const head = `    <testcase${attrs({ classname, name: c.name, time: seconds(c.scenarioMs / model.run.speed) })}>`;
  const detail = [
    `verdict: ${c.verdict.words} (${c.verdict.reason})`,
    `hours to failure: ${c.htf.figure}, ${c.htf.lowerText}${c.htf.upperText ? `, ${c.htf.upperText}` : ''} (scenario hours)`,
    `exposure: ${Number(c.exposureHours.toPrecision(4))} scenario hours over ${c.instances} instance slots; ${c.failureSummary}`,
    `delivery: ${c.delivery.delivered} of ${c.delivery.generated} delivered, ${c.delivery.lost} lost silently, ${c.delivery.lostInFailures} lost in failures`,
    ...model.failures.filter((f) => f.cellIndex === c.index).map((f) => `failure at ${formatMs(f.at)} (scenario): ${f.instance} ${f.mode}: ${f.evidence}${f.faults.length ? ` [faults: ${f.faults.join('; ')}]` : ''}`),
  ].join('\n');
  if (c.verdict.kind === 'not-run' && !c.verdict.failed) return `${head}\n      <skipped${attrs({ message: c.verdict.reason })}/>\n    </testcase>`;
  if (!c.verdict.failed) return `${head}\n      <system-out>${text(detail)}</system-out>\n    </testcase>`;
  const message = `${c.verdict.words}: ${c.text}; ${c.failureSummary}`;
  return `${head}\n      <failure${attrs({ message, type: c.dominantMode ?? 'loss' })}>${text(detail)}</failure>\n    </testcase>`;
}

function thresholdCase(t: ThresholdOutcome, classname: string): string {
  const head = `    <testcase${attrs({ classname, name: t.expression, time: '0' })}>`;
  const detail = `measured ${t.measuredText}, needs ${t.requirement}${t.cells.length ? ` (cells: ${t.cells.join('; ')})` : ''}`;
  if (t.passed) return `${head}\n      <system-out>${text(detail)}</system-out>\n    </testcase>`;
  return `${head}\n      <failure${attrs({ message: t.reason ?? detail, type: 'threshold' })}>${text(detail)}</failure>\n    </testcase>`;
}

/** `before` goes ahead of the test cases (properties), `after` behind them (system-out), as the JUnit schema orders them. */
function suite(name: string, cases: string[], failures: number, skipped: number, timeMs: number, timestamp: string, extra: { before: string[]; after: string[] } = { before: [], after: [] }): string {
  const open = `  <testsuite${attrs({ name, tests: cases.length, failures, errors: 0, skipped, time: seconds(timeMs), timestamp })}>`;
  const inner = [...extra.before, ...cases, ...extra.after];
  return inner.length === 0 ? `${open}</testsuite>` : [open, ...inner, '  </testsuite>'].join('\n');
}

/** duress's own health as suite properties, and the harness lines (lag, any trouble) as the suite's output. */
function harnessParts(model: ReportModel): { before: string[]; after: string[] } {
  const h = model.harness;
  const lag = h.figures?.lag;
  const props: Record<string, string | number> = {
    'duress.harness.inTrouble': String(h.inTrouble),
    'duress.harness.troubleEvents': h.figures?.trouble.length ?? 0,
    'duress.harness.distortedFigures': h.figures?.distorted.map((d) => `${d.cell} ${d.figure}`).join('; ') ?? '',
    ...(lag?.measured
      ? { 'duress.harness.lagMainMaxWallMs': lag.mainMaxMs.toFixed(1), 'duress.harness.lagWorkerMaxWallMs': lag.workerMaxMs.toFixed(1), 'duress.harness.lagScenarioMs': lag.scenarioMs.toFixed(0) }
      : {}),
  };
  return {
    before: ['    <properties>', ...Object.entries(props).map(([name, value]) => `      <property${attrs({ name, value })}/>`), '    </properties>'],
    after: [`    <system-out>${text([h.lagLine, ...h.troubleLines].join('\n'))}</system-out>`],
  };
}

/**
 * junit.xml: one test case per matrix cell (failed when the cell failed: a declared failure or silent
 * loss; skipped when it did not run) and one per threshold (failed when the threshold failed), in two
 * suites, for CI systems that read JUnit reports.
 */
export const renderJunit: Renderer = (model) => {
  const base = `duress.${model.scenario.name}`;
  const timestamp = model.run.startedAt.replace(/\.\d+Z$/, '').replace(/Z$/, '');
  const cellCases = model.cells.map((c) => cellCase(model, c, `${base}.matrix`));
  const cellFailures = model.cells.filter((c) => c.verdict.failed).length;
  const cellSkipped = model.cells.filter((c) => c.verdict.kind === 'not-run' && !c.verdict.failed).length;
  const thresholdCases = model.thresholds.map((t) => thresholdCase(t, `${base}.thresholds`));
  const thresholdFailures = model.thresholds.filter((t) => !t.passed).length;
  const suites = [suite(`${model.scenario.name}: stability matrix`, cellCases, cellFailures, cellSkipped, model.run.wallMs, timestamp, harnessParts(model))];
  if (model.thresholds.length > 0) suites.push(suite(`${model.scenario.name}: thresholds`, thresholdCases, thresholdFailures, 0, 0, timestamp));
  const tests = cellCases.length + thresholdCases.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: model.title, tests, failures: cellFailures + thresholdFailures, errors: 0, skipped: cellSkipped, time: seconds(model.run.wallMs) })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
