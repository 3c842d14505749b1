import { NOT_JUDGED } from '../delivery-report.js';
import { formatCount, formatMs } from '../format.js';
/** Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Escaped for XML text and attribute values alike. */
export function escapeXml(text) {
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
function attrs(values) {
    return Object.entries(values)
        .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
        .join('');
}
/** Text content: line breaks kept as they are. */
function text(value) {
    return escapeXml(value).replace(/&#10;/g, '\n');
}
const seconds = (ms) => (ms / 1000).toFixed(3);
function testcase(attributes, parts) {
    const lines = [`    <testcase${attrs(attributes)}>`];
    if (parts.properties) {
        lines.push('      <properties>');
        for (const [name, value] of Object.entries(parts.properties))
            lines.push(`        <property${attrs({ name, value })}/>`);
        lines.push('      </properties>');
    }
    if (parts.outcome)
        lines.push(`      ${parts.outcome}`);
    if (parts.out)
        lines.push(`      <system-out>${text(parts.out)}</system-out>`);
    lines.push('    </testcase>');
    return lines.join('\n');
}
/**
 * A cell is a test case that fails only when a threshold charged to it failed (the exit code follows
 * thresholds, not verdicts: a no-patch baseline that crashes as expected passes). Its verdict, counts and
 * failures are always there, as properties and system-out, whether it passed or not.
 */
function cellCase(model, c, classname) {
    const d = c.delivery;
    const detail = [
        `verdict: ${c.verdict.words} (${c.verdict.reason})`,
        `hours to failure: ${c.htf.figure}, ${c.htf.lowerText}${c.htf.upperText ? `, ${c.htf.upperText}` : ''} (scenario hours)`,
        `exposure: ${Number(c.exposureHours.toPrecision(4))} scenario hours over ${c.instances} instance slots; ${c.failureSummary}`,
        `delivery: ${formatCount(d.delivered)} of ${formatCount(d.generated)} delivered; lost silently: ${d.text.lost}; lost in failures: ${d.text.lostInFailures}${d.notJudged ? ` (${d.notJudged})` : ''}`,
        ...model.failures.filter((f) => f.cellIndex === c.index).map((f) => `failure at ${formatMs(f.at)} (scenario): ${f.instance} ${f.mode}: ${f.evidence}${f.faults.length ? ` [faults: ${f.faults.join('; ')}]` : ''}`),
    ].join('\n');
    const properties = {
        verdict: c.verdict.words,
        failures: c.failureCount,
        'exposure (scenario hours)': c.exposureHours,
        'hours to failure': c.htf.figure,
        'lower bound': c.htf.lowerText,
        generated: d.generated,
        delivered: d.delivered,
        'lost silently': d.lost ?? NOT_JUDGED,
        'lost in failures': d.lostInFailures ?? NOT_JUDGED,
    };
    // JUnit time is real time: the scenario time the cell ran, divided by the clock speed.
    const head = { classname, name: c.name, time: seconds(c.scenarioMs / model.run.speed) };
    if (c.failedThresholds.length > 0) {
        const message = `failed threshold${c.failedThresholds.length === 1 ? '' : 's'}: ${c.failedThresholds.join('; ')} (the cell ${c.verdict.words}: ${c.failureSummary})`;
        return { xml: testcase(head, { properties, outcome: `<failure${attrs({ message, type: 'threshold' })}/>`, out: detail }), failed: true, errored: false, skipped: false };
    }
    if (c.verdict.kind === 'not-run')
        return { xml: testcase(head, { properties, outcome: `<skipped${attrs({ message: c.verdict.reason })}/>`, out: detail }), failed: false, errored: false, skipped: true };
    return { xml: testcase(head, { properties, out: detail }), failed: false, errored: false, skipped: false };
}
function thresholdCase(t, classname) {
    const head = { classname, name: t.expression, time: '0' };
    const detail = `measured ${t.measuredText}, needs ${t.requirement}${t.cells.length ? ` (cells: ${t.cells.join('; ')})` : ''}`;
    if (t.passed)
        return { xml: testcase(head, { out: detail }), failed: false, errored: false, skipped: false };
    const charged = t.failedCells.length ? `; charged to ${t.failedCells.join('; ')}` : '';
    return { xml: testcase(head, { outcome: `<failure${attrs({ message: t.reason ?? detail, type: 'threshold' })}/>`, out: `${detail}${charged}` }), failed: true, errored: false, skipped: false };
}
/** The run itself: an error when it did not finish (interrupted, or a journal cut off), as the exit code says. */
function runCase(model, classname) {
    const head = { classname, name: 'the run finished', time: seconds(model.run.wallMs) };
    const { interrupted, complete, partial, notes } = model.run;
    if (complete && !interrupted && !partial)
        return { xml: testcase(head, { out: 'every cell ran to its end; the journal is complete' }), failed: false, errored: false, skipped: false };
    const type = interrupted ? 'interrupted' : complete ? 'partial' : 'incomplete';
    return { xml: testcase(head, { outcome: `<error${attrs({ message: notes.join('; '), type })}/>` }), failed: false, errored: true, skipped: false };
}
/** `extra.before` goes ahead of the test cases (properties), `extra.after` behind them (system-out), as the JUnit schema orders them. */
function suite(name, cases, timeMs, timestamp, extra = { before: [], after: [] }) {
    const count = (k) => cases.filter((c) => c[k]).length;
    const open = `  <testsuite${attrs({ name, tests: cases.length, failures: count('failed'), errors: count('errored'), skipped: count('skipped'), time: seconds(timeMs), timestamp })}>`;
    const inner = [...extra.before, ...cases.map((c) => c.xml), ...extra.after];
    return inner.length === 0 ? `${open}</testsuite>` : [open, ...inner, '  </testsuite>'].join('\n');
}
/** duress's own health as suite properties, and the harness lines (lag, any trouble) as the suite's output. */
function harnessParts(model) {
    const h = model.harness;
    const lag = h.figures?.lag;
    const props = {
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
 * junit.xml, for CI systems that read JUnit reports. It fails exactly what the exit code fails: one test
 * case per threshold (failed when the threshold failed); one per matrix cell (failed only when a threshold
 * charged to it failed, skipped when it did not run; its verdict, counts and failures in properties and
 * system-out either way); and one for the run (an error when it was interrupted or its journal cut off).
 */
export const renderJunit = (model) => {
    const base = `duress.${model.scenario.name}`;
    const timestamp = model.run.startedAt.replace(/\.\d+Z$/, '').replace(/Z$/, '');
    const cellCases = model.cells.map((c) => cellCase(model, c, `${base}.matrix`));
    const thresholdCases = model.thresholds.map((t) => thresholdCase(t, `${base}.thresholds`));
    const runCases = [runCase(model, `${base}.run`)];
    const suites = [suite(`${model.scenario.name}: stability matrix`, cellCases, model.run.wallMs, timestamp, harnessParts(model))];
    if (thresholdCases.length > 0)
        suites.push(suite(`${model.scenario.name}: thresholds`, thresholdCases, 0, timestamp));
    suites.push(suite(`${model.scenario.name}: run`, runCases, model.run.wallMs, timestamp));
    const all = [...cellCases, ...thresholdCases, ...runCases];
    const count = (k) => all.filter((c) => c[k]).length;
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites${attrs({ name: model.title, tests: all.length, failures: count('failed'), errors: count('errored'), skipped: count('skipped'), time: seconds(model.run.wallMs) })}>`,
        ...suites,
        '</testsuites>',
        '',
    ].join('\n');
};
//# sourceMappingURL=junit.js.map