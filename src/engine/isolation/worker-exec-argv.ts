import { Worker } from 'node:worker_threads';

const kept = new Map<string, boolean>();

/**
 * The parent's Node options that a worker accepts. Node refuses a worker whose execArgv holds a
 * per-process option (`--max-old-space-size`, `--expose-gc`, `--stack-trace-limit`, `--report-dir`,
 * `--title`…: ERR_WORKER_INVALID_EXEC_ARGV), and names no list of them, so each option is tried once on
 * a worker that is ended at once: `node --max-old-space-size=4096 bin/duress.js` must not leave every
 * instance unable to boot. Those options act on the whole process anyway. `--input-type` is dropped too:
 * it is allowed only with inline code (`node --input-type=module -e "..."`), and a worker that inherits
 * it cannot boot.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (const option of options(execArgv)) {
    if (option[0] === '--input-type' || option[0]?.startsWith('--input-type=')) continue;
    if (accepted(option)) out.push(...option);
  }
  return out;
}

/** The options, each with the value given apart from it (`--require x`). */
function options(execArgv: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const arg of execArgv) {
    const last = out[out.length - 1];
    if (!arg.startsWith('-') && last) last.push(arg);
    else out.push([arg]);
  }
  return out;
}

function accepted(option: string[]): boolean {
  const key = option.join('\0');
  let ok = kept.get(key);
  if (ok === undefined) {
    try {
      void new Worker('', { eval: true, execArgv: option, stdout: true, stderr: true }).terminate();
      ok = true;
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
      ok = false;
    }
    kept.set(key, ok);
  }
  return ok;
}
