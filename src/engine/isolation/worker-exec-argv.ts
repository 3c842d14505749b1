/**
 * The parent's Node options for a worker, less `--input-type`: it is only allowed with inline code (`node
 * --input-type=module -e "..."`, duress used from a one-line script), and a worker that inherits it cannot boot.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] ?? '';
    if (arg === '--input-type') i += 1; // and its value, given apart
    else if (!arg.startsWith('--input-type=')) kept.push(arg);
  }
  return kept;
}
