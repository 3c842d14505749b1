import { InputError } from '../core/errors.js';
import { compareRuns as compareCells } from '../report/compare.js';
import { loadRunResults } from '../results/load-run.js';
import { buildReportModel } from '../report/model.js';
import { renderComparisonMarkdown, renderComparisonTerminal } from '../report/renderers/compare.js';
import { rendererKind, rendererKinds } from '../report/renderers/index.js';
import { formatSelector } from '../stats/thresholds.js';
/**
 * Results after a run, for the public API and the CLI's `report` and `compare`: read them back from a run
 * folder, lay them out in any report format, and compare two runs (or two groups of cells of one run).
 */
/** Every report format registered now, by the name a scenario's `report.formats` uses: terminal, json, markdown, html, junit, and any added with registerRenderer. */
export function reportFormatNames() {
    return rendererKinds().map((k) => k.name);
}
/**
 * The results of a run: from its folder (results.json, or journal.jsonl when the run was killed before it
 * wrote results), or from a results.json or journal.jsonl named directly. A relative path is taken from
 * `cwd` (default: the process's). Anything that is not a duress run is an InputError.
 */
export function readResults(target, options = {}) {
    return loadRunResults(target, options.cwd ?? process.cwd()).results;
}
/**
 * One report of a run as text, by format name: `terminal` (the summary `duress run` prints), `markdown`
 * (report.md), `html` (report.html, one self-contained file), `json` (report.json: the report model) or
 * `junit` (junit.xml: one test case per threshold and per cell). Takes the results (readResults, or a
 * run's outcome) or a report model already built from them. An unknown format is an InputError.
 */
export function renderReport(from, format, options = {}) {
    const kind = rendererKind(format);
    if (!kind)
        throw new InputError(`unknown report format ${JSON.stringify(format)}; expected one of ${reportFormatNames().join(', ')}`);
    const model = from.format === 'duress-report/1' ? from : buildReportModel(from);
    return kind.render(model, { color: options.color ?? false });
}
/**
 * Compares a candidate with a baseline, as `duress compare`: the failure rates (a test of whether the
 * candidate fails less often per hour of exposure, at `confidence`, default 0.95), hours to failure with
 * bounds, the shift of latency percentiles and a verdict. A side given as plain results pools every cell.
 * A selector that matches no cell, or a side with no exposure, is an InputError.
 */
export function compareRuns(baseline, candidate, options = {}) {
    const side = (run) => {
        const r = 'results' in run ? run : { results: run };
        const selector = { ...r.cells };
        const shown = formatSelector(selector).replace(/^\{|\}$/g, '');
        const name = r.results.scenario.name;
        const label = r.label ?? (shown ? `${name} ${shown}` : name);
        return { results: r.results, selector, label, source: label };
    };
    return compareCells(side(baseline), side(candidate), options.confidence ?? 0.95);
}
/** A comparison as text: the `terminal` table or `markdown` (what `duress compare --format` prints). */
export function renderComparison(comparison, format, options = {}) {
    if (format === 'markdown')
        return renderComparisonMarkdown(comparison);
    if (format === 'terminal')
        return renderComparisonTerminal(comparison, { color: options.color ?? false });
    throw new InputError(`unknown comparison format ${JSON.stringify(format)}; expected terminal or markdown`);
}
//# sourceMappingURL=results.js.map