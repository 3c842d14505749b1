import type { Writable } from 'node:stream';

/** What a command may touch of the outside world, injected so commands can be run in-process by tests. */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Resolves when the user asks the process to stop (SIGINT/SIGTERM); commands that run long listen to it. */
  interrupted: AbortSignal;
}

export function processIO(interrupted: AbortSignal): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), interrupted };
}
