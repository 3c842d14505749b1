import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode } from '../core/errors.js';
import { buildReportModel } from './model.js';
import { writeFileAtomic } from './output-dir.js';
import { rendererKinds } from './renderers/index.js';
import { formatsOfRun } from './run-formats.js';
/**
 * The exit code a run's reports stand for (what junit.xml fails): `incomplete` when the journal ends before
 * the run did (its figures are as of the last interval) or shards are missing from a merge, else the thresholds' verdict: 1 when any failed,
 * else 0. A run stopped early by a signal is the caller's to map (signalExitCode).
 */
export function reportExitCode(model) {
    return !model.run.complete || model.run.partial ? ExitCode.incomplete : model.passed ? ExitCode.ok : ExitCode.thresholdFailed;
}
/**
 * Writes results.json (always) and the reports the scenario asks for into the run folder: report.json,
 * report.md (also appended to `appendMarkdownTo` when given), report.html, junit.xml, any registered
 * format's file, and the terminal summary to `terminal`. Returns the report model and its exit code (reportExitCode).
 */
export async function writeReports(results, dir, options = {}) {
    await writeFileAtomic(path.join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const kinds = rendererKinds();
    const formats = new Set(options.formats ?? formatsOfRun(dir) ?? kinds.map((k) => k.name));
    const model = buildReportModel(results);
    for (const kind of kinds) {
        if (!formats.has(kind.name))
            continue;
        const text = kind.render(model, { color: options.color ?? false });
        if (kind.file === undefined)
            options.terminal?.write(text);
        else
            await writeFileAtomic(path.join(dir, kind.file), text);
        if (kind.name === 'markdown' && options.appendMarkdownTo)
            await appendFile(options.appendMarkdownTo, `${text}\n`);
    }
    return { exitCode: reportExitCode(model), model };
}
//# sourceMappingURL=write-reports.js.map