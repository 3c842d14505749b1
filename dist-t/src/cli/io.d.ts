import type { Writable } from 'node:stream';
/** What a command may touch of the outside world, injected so commands can be run in-process by tests. */
export interface CliIO {
    stdout: Writable & {
        isTTY?: boolean;
    };
    stderr: Writable & {
        isTTY?: boolean;
    };
    env: NodeJS.ProcessEnv;
    cwd: string;
    /** Aborted when the user asks the process to stop (reason: the signal's name); commands that run long listen to it. */
    interrupted: AbortSignal;
}
export declare function processIO(interrupted: AbortSignal): CliIO;
/**
 * Where a command's reports go besides the run folder: the terminal summary on stdout (coloured on a TTY
 * unless NO_COLOR is set), the Markdown also appended to GITHUB_STEP_SUMMARY when that is set.
 */
export declare function reportOutput(io: CliIO): {
    terminal: CliIO['stdout'];
    color: boolean;
    appendMarkdownTo: string | undefined;
};
