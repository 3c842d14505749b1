import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIO } from '../cli/io.js';
import { ExitCode } from '../core/errors.js';
import type { ReportFormat } from '../scenario/types.js';
import { buildReportModel, type ReportModel } from './model.js';
import { writeFileAtomic } from './output-dir.js';
import { REPORT_FILES, REPORT_FORMATS, RENDERERS } from './renderers/index.js';
import type { RunResults } from '../results/results.js';
import { formatsOfRun } from './run-formats.js';

export interface WriteReportsOptions {
  /** Which renderers run; by default the scenario's `report.formats` (read from the run's journal), else all. */
  formats?: readonly ReportFormat[];
}

/**
 * Writes results.json (always) and the reports the scenario asks for into the run folder: report.json,
 * report.md (also appended to GITHUB_STEP_SUMMARY when that is set), report.html, junit.xml, and the
 * terminal summary on stdout. The exit code is what junit.xml fails: `incomplete` when the journal ends
 * before the run did (its figures are as of the last interval), else the thresholds' verdict: 1 when any
 * failed, else 0.
 */
export async function writeReports(results: RunResults, dir: string, io: CliIO, options: WriteReportsOptions = {}): Promise<{ exitCode: number; model: ReportModel }> {
  await writeFileAtomic(path.join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const formats = new Set(options.formats ?? formatsOfRun(dir) ?? REPORT_FORMATS);
  const model = buildReportModel(results);
  const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  for (const format of REPORT_FORMATS) {
    if (!formats.has(format)) continue;
    const text = RENDERERS[format](model, { color });
    if (format === 'terminal') io.stdout.write(text);
    else await writeFileAtomic(path.join(dir, REPORT_FILES[format]), text);
    if (format === 'markdown' && io.env.GITHUB_STEP_SUMMARY) await appendFile(io.env.GITHUB_STEP_SUMMARY, `${text}\n`);
  }
  const exitCode = !model.run.complete ? ExitCode.incomplete : model.passed ? ExitCode.ok : ExitCode.thresholdFailed;
  return { exitCode, model };
}
