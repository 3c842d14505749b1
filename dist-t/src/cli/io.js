export function processIO(interrupted) {
    ignoreClosedReader(process.stdout);
    ignoreClosedReader(process.stderr);
    return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), interrupted };
}
/** Errors of a write to a stream whose reader went away (`duress schema | head`), or to one already closed by that. */
const CLOSED_READER = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);
const guarded = new WeakSet();
/**
 * When the reader of a pipe goes away (`duress schema | head`), what is left to print has no reader:
 * it is dropped quietly and the command carries on (a run still writes its results and reports), instead
 * of dying on an unhandled EPIPE with a stack trace. Any other error of the stream is still thrown.
 */
function ignoreClosedReader(stream) {
    if (guarded.has(stream))
        return;
    guarded.add(stream);
    stream.on('error', (err) => {
        if (!CLOSED_READER.has(err.code ?? ''))
            throw err;
    });
}
/**
 * Where a command's reports go besides the run folder: the terminal summary on stdout (coloured on a TTY
 * unless NO_COLOR is set), the Markdown also appended to GITHUB_STEP_SUMMARY when that is set.
 */
export function reportOutput(io) {
    return { terminal: io.stdout, color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR, appendMarkdownTo: io.env.GITHUB_STEP_SUMMARY || undefined };
}
//# sourceMappingURL=io.js.map