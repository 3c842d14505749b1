import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

/** What one `duress …` command did: its exit code and everything it printed. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `duress ARGS…` in this process (the CLI's own entry, `runCli`), with stdout and stderr captured (not a
 * terminal) and an empty environment: faster than a child process, for tests that run many commands.
 */
export async function duressInProcess(args: string[], cwd: string = process.cwd()): Promise<CliOutcome> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli(args, { stdout, stderr, env: {}, cwd, interrupted: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}
