/**
 * The parent's Node options for a worker, less `--input-type`: it is only allowed with inline code (`node
 * --input-type=module -e "..."`, duress used from a one-line script), and a worker that inherits it cannot boot.
 */
export declare function workerExecArgv(execArgv: readonly string[]): string[];
