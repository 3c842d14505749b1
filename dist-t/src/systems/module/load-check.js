import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
/** How long loading a module may take in the check (wall ms): top-level code that waits is a mistake. */
const LOAD_CHECK_TIMEOUT_MS = 15_000;
/** The checks already made, by path and modification time: a matrix validates the same path per cell. */
const checked = new Map();
/**
 * Why the output module at `file` (absolute) cannot be used, or undefined when it can: the file exists,
 * loads (its imports resolve, its top-level code runs) and its default export is a function. Loading is
 * tried in a child process so that the scenario's validation stays synchronous and the user's top-level
 * code never runs in duress's own process; the instances load it again, each in its own worker.
 */
export function outputModuleProblem(file) {
    let mtime;
    try {
        const stat = statSync(file);
        if (!stat.isFile())
            return `expected a JavaScript module file, but ${file} is not a file`;
        mtime = stat.mtimeMs;
    }
    catch {
        return `no module at ${file} (a relative path is read from the scenario file's folder)`;
    }
    if (/\.[cm]?tsx?$/.test(file))
        return `${file} is TypeScript: build it to JavaScript first and name the built .js file`;
    const key = `${file}\u0000${mtime}`;
    if (checked.has(key))
        return checked.get(key);
    const problem = tryLoad(file);
    checked.set(key, problem);
    return problem;
}
/** The child's script: imports the module, checks its default export, and exits at once (whatever it started). */
const CHECK_SCRIPT = `
const url = process.argv[1];
import(url).then(
  (m) => {
    if (typeof m.default !== 'function') {
      process.stderr.write('its default export is ' + (m.default === undefined ? 'missing' : 'a ' + typeof m.default) + '; expected the output function (export default async function (context) { ... })');
      process.exit(3);
    }
    process.exit(0);
  },
  (err) => {
    process.stderr.write('it does not load: ' + (err && err.message ? err.message.split('\\n')[0] : String(err)));
    process.exit(3);
  },
);`;
function tryLoad(file) {
    try {
        execFileSync(process.execPath, ['--input-type=module', '-e', CHECK_SCRIPT, pathToFileURL(file).href], {
            stdio: ['ignore', 'ignore', 'pipe'],
            timeout: LOAD_CHECK_TIMEOUT_MS,
            encoding: 'utf8',
        });
        return undefined;
    }
    catch (err) {
        const e = err;
        if (e.code === 'ETIMEDOUT' || e.signal === 'SIGTERM')
            return `${file} did not finish loading within ${LOAD_CHECK_TIMEOUT_MS / 1000} s (its top-level code must not wait)`;
        const why = e.stderr?.trim();
        return `cannot use ${file} as an output module: ${why && why.length > 0 ? why : (e.message ?? String(err))}`;
    }
}
//# sourceMappingURL=load-check.js.map