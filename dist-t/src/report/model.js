import { distortedFigures, foldLag } from '../results/fold-harness.js';
import { harnessReport } from './harness-report.js';
import { faultImpacts } from './fault-impact.js';
import { deliveryReport } from './delivery-report.js';
import { formatConfidence, formatHours, formatHtf } from '../stats/format-htf.js';
import { describeEvidence, formatCount, formatMs, modeCount } from './format.js';
import { evaluateResultsThresholds } from './threshold-outcomes.js';
import { linkTable } from './link-table.js';
import { judgeCell, VERDICT_RULE } from './verdict.js';
/**
 * Builds the report of a run. `thresholds` are the outcomes to show; by default the scenario's
 * thresholds are evaluated against the results here (evaluateResultsThresholds).
 */
export function buildReportModel(results, thresholds = judgedThresholds(results)) {
    const { scenario, run } = results;
    const cells = results.cells.map((c) => cellReport(c, results, thresholds));
    const harness = harnessReport(results);
    const scenarioMs = Math.max(0, ...results.cells.map((c) => c.scenarioMs));
    const exposureHours = results.cells.reduce((t, c) => t + c.exposureHours, 0);
    const instances = results.cells.reduce((n, c) => n + c.instances, 0);
    const facts = {
        duressVersion: results.duressVersion,
        startedAt: run.startedAt,
        endedAt: run.endedAt,
        speed: run.speed,
        wallMs: run.wallMs,
        scenarioMs,
        exposureHours,
        instances,
        interrupted: run.interrupted,
        complete: run.complete,
        partial: run.shards?.merged === true && run.shards.missing.length > 0,
        lines: [...factLines(results, scenarioMs, exposureHours, instances), { label: 'harness lag', value: harness.lagLine.replace(/^harness lag: /, '') }],
        notes: [
            ...shardNotes(results),
            ...harness.troubleLines,
            ...(run.interrupted ? [`interrupted (${run.interrupted}): these are the results of what ran`] : []),
            ...(run.complete ? [] : ['the journal ends before the run did: figures are as of the last interval, and loss was not judged']),
        ],
    };
    return {
        format: 'duress-report/1',
        title: `duress: ${scenario.name}`,
        scenario: {
            name: scenario.name,
            description: scenario.description,
            file: scenario.file,
            seed: scenario.seed,
            instances: scenario.instances,
            durationMs: scenario.duration,
            confidence: scenario.confidence,
        },
        run: facts,
        verdictRule: VERDICT_RULE,
        matrix: buildMatrix(results.cells),
        cells,
        failures: results.cells.flatMap((c) => [...c.failures]
            .sort((a, b) => a.at - b.at)
            .map((f) => ({ cell: c.name, cellIndex: c.index, at: f.at, instance: f.id, slot: f.slot, mode: f.mode, evidence: describeEvidence(f.evidence), faults: f.faults.map((x) => x.description) }))),
        ...linkFigures(results),
        thresholds,
        passed: thresholds.every((t) => t.passed),
        thresholdSummary: summariseThresholds(thresholds),
        definitions: results.definitions,
        harness,
    };
}
/**
 * The scenario's thresholds, judged on these results; none for one shard's own run, whose figures are its
 * share only (an hours-to-failure bound on a quarter of the exposure says nothing): `duress merge` judges them.
 */
function judgedThresholds(results) {
    const shards = results.run.shards;
    return shards && !shards.merged && shards.count > 1 ? [] : evaluateResultsThresholds(results);
}
/** What a reader must know of a sharded run: a shard's share, or shards missing from a merge. */
function shardNotes(results) {
    const s = results.run.shards;
    if (!s || s.count === 1)
        return [];
    if (!s.merged) {
        return [
            `shard ${s.included.join(', ')} of ${s.count}: these figures are this shard's share of the run only, and its thresholds are not judged; ` +
                '`duress merge` folds every shard into the whole run',
        ];
    }
    if (s.missing.length === 0)
        return [];
    const which = s.missing.length === 1 ? `shard ${s.missing[0]} of ${s.count} is` : `shards ${s.missing.join(', ')} of ${s.count} are`;
    return [`partial merge: ${which} missing; the figures cover shards ${s.included.join(', ')} only (merged with --allow-partial)`];
}
function summariseThresholds(thresholds) {
    if (thresholds.length === 0)
        return undefined;
    const failed = thresholds.filter((t) => !t.passed).length;
    return failed === 0 ? `all ${thresholds.length} passed` : `${failed} of ${thresholds.length} failed`;
}
function linkFigures(results) {
    const table = linkTable(results.cells);
    return table ? { linkTable: table } : {};
}
function cellReport(c, results, thresholds) {
    const verdict = judgeCell(c);
    const htf = htfFigures(c.htf.overall);
    const modes = Object.entries(c.htf.byMode).map(([mode, h]) => ({ mode, failures: h.failures, ...htfFigures(h) }));
    const failed = modes.filter((m) => m.failures > 0);
    const r = c.failures.length;
    return {
        index: c.index,
        name: c.name,
        values: c.values,
        instances: c.instances,
        plannedMs: c.duration,
        scenarioMs: c.scenarioMs,
        exposureHours: c.exposureHours,
        verdict,
        failedThresholds: thresholds.filter((t) => t.failedCells.includes(c.name)).map((t) => t.expression),
        htf,
        byMode: modes,
        dominantMode: c.htf.dominant,
        failureCount: r,
        failureSummary: r === 0 ? 'no failures' : `${r} failure${r === 1 ? '' : 's'}: ${failed.map((m) => modeCount(m.mode, m.failures)).join(', ')}`,
        text: verdict.kind === 'not-run' ? 'Not run' : `${capitalise(verdict.words)} (${htf.figure}, ${htf.lowerText})`,
        latency: { endToEnd: stripEncoding(c.latency.endToEnd), request: stripEncoding(c.latency.request) },
        overTime: c.overTime,
        delivery: deliveryReport(c, results.run.wallMs),
        faults: c.faults,
        faultImpact: faultImpacts(c.faults, c.overTime),
        requests: Object.entries(c.requests)
            .map(([outcome, count]) => ({ outcome: outcome.replaceAll('_', ' '), count }))
            .sort((a, b) => b.count - a.count),
        lagDistorted: distortedFigures(c.name, c.latency.endToEnd, c.harnessLag ?? foldLag([], results.run.speed)).map((d) => LATENCY_KEY[d.figure.replace('end-to-end ', '')] ?? d.figure),
        harnessLagScenarioMs: c.harnessLag?.measured ? c.harnessLag.scenarioMs : undefined,
    };
}
/** Figure names as DistortedFigure writes them → LatencySummary keys. */
const LATENCY_KEY = { p50: 'p50', p90: 'p90', p99: 'p99', 'p99.9': 'p99_9', max: 'max' };
function htfFigures(h) {
    const conf = formatConfidence(h.confidence);
    return {
        estimate: h.estimate,
        censored: h.censored,
        lower: h.lower,
        upper: h.upper,
        confidence: h.confidence,
        figure: formatHtf(h),
        lowerText: `≥ ${formatHours(h.lower)} at ${conf}`,
        upperText: h.upper === undefined ? undefined : `≤ ${formatHours(h.upper)} at ${conf}`,
    };
}
function stripEncoding(l) {
    return { count: l.count, min: l.min, mean: l.mean, p50: l.p50, p90: l.p90, p99: l.p99, p99_9: l.p99_9, max: l.max };
}
function capitalise(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
function factLines(results, scenarioMs, exposureHours, instances) {
    const { scenario, run, cells } = results;
    const n = cells.length;
    return [
        { label: 'scenario', value: `${scenario.name} (${scenario.file}), seed ${scenario.seed}` },
        { label: 'cells', value: `${n} cell${n === 1 ? '' : 's'} side by side, ${scenario.instances} instance${scenario.instances === 1 ? '' : 's'} each` },
        { label: 'scenario time per cell', value: `${formatMs(scenario.duration)} of load planned; the longest cell ran ${formatMs(scenarioMs)} (load and drain)` },
        { label: 'clock speed', value: `${run.speed}× (scenario seconds per wall second)` },
        { label: 'wall time', value: `${formatMs(run.wallMs)} (real time the whole run took)` },
        {
            label: 'exposure',
            value: `${formatHours(exposureHours)} scenario hours (instance running time summed over ${formatCount(instances)} instance slot${instances === 1 ? '' : 's'})`,
        },
        { label: 'confidence', value: `${formatConfidence(scenario.confidence)} (one-sided bounds on hours to failure)` },
        { label: 'started', value: `${run.startedAt}${run.endedAt ? `, ended ${run.endedAt}` : ''} (wall clock)` },
        { label: 'duress', value: results.duressVersion },
        ...(scenario.hash ? [{ label: 'scenario hash', value: `${scenario.hash.slice(0, 16)} (SHA-256 of the resolved scenario and its cells)` }] : []),
        ...(run.shards && run.shards.count > 1 ? [{ label: 'shards', value: shardLine(run.shards) }] : []),
    ];
}
function shardLine(s) {
    if (!s.merged)
        return `shard ${s.included.join(', ')} of ${s.count} (instance slots dealt round robin across the shards)`;
    const missing = s.missing.length > 0 ? `; missing: ${s.missing.join(', ')}` : '';
    return `merged from ${s.included.length} of ${s.count} shards (${s.included.join(', ')}${missing}); wall time is the longest shard's`;
}
/** Columns from the first dimension, rows from the second, sub-rows from the rest (see StabilityMatrix). */
export function buildMatrix(cells) {
    const dims = Object.keys(cells[0]?.values ?? {});
    if (dims.length === 0) {
        return {
            columnDimension: undefined,
            rowDimension: undefined,
            subRowDimensions: [],
            columns: cells.map((c) => ({ label: c.name, value: undefined })),
            rows: [{ label: '', group: '', sub: undefined, values: {}, cells: cells.map((_, i) => i) }],
        };
    }
    const [columnDimension, rowDimension, ...subRowDimensions] = dims;
    const columnValues = unique(cells.map((c) => c.values[columnDimension] ?? ''));
    const rowKey = (values) => JSON.stringify(dims.slice(1).map((d) => values[d] ?? ''));
    const rowValues = new Map();
    for (const c of cells)
        if (!rowValues.has(rowKey(c.values)))
            rowValues.set(rowKey(c.values), Object.fromEntries(dims.slice(1).map((d) => [d, c.values[d] ?? ''])));
    const pair = (d, values) => `${d}=${values[d] ?? ''}`;
    const rows = [...rowValues.entries()].map(([key, values]) => {
        const group = rowDimension === undefined ? '' : pair(rowDimension, values);
        const sub = subRowDimensions.length === 0 ? undefined : subRowDimensions.map((d) => pair(d, values)).join(', ');
        return {
            label: sub === undefined ? group : `${group}, ${sub}`,
            group,
            sub,
            values,
            cells: columnValues.map((v) => {
                const i = cells.findIndex((c) => c.values[columnDimension] === v && rowKey(c.values) === key);
                return i < 0 ? undefined : i;
            }),
        };
    });
    return {
        columnDimension,
        rowDimension,
        subRowDimensions,
        columns: columnValues.map((v) => ({ label: `${columnDimension}=${v}`, value: v })),
        rows,
    };
}
function unique(values) {
    return [...new Set(values)];
}
//# sourceMappingURL=model.js.map