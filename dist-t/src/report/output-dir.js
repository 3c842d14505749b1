import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
/** The run folder: its default name, checking and creating it before a run, and writing files into it whole. */
/** `reports/<scenario>-<UTC time>`, e.g. reports/quickstart-20261123T081502Z. */
export function defaultRunDir(cwd, scenarioName, startedAt) {
    const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const safe = scenarioName.replace(/[^A-Za-z0-9._-]+/g, '-');
    return path.join(cwd, 'reports', `${safe}-${stamp}`);
}
/** Writes a file so that a reader never sees half of it: to a temporary name, then renamed. */
export async function writeFileAtomic(file, content) {
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, content);
    await rename(tmp, file);
}
/**
 * The folder a command writes into (`run --out`, the run folder of `report`): checked before the
 * command starts, created as its first act.
 *
 * Node's `mkdir(..., { recursive: true })` never returns for a path under a folder that exists but in
 * which nothing can be made, such as /proc/1/x (Node 20: it retries ENOENT forever, at 100% CPU, and a
 * synchronous loop lets no signal handler run). So folders are made here one level at a time, each
 * without `recursive`, and a failure is a one-line InputError.
 */
function statOrUndefined(p) {
    try {
        return statSync(p);
    }
    catch {
        return undefined;
    }
}
function reason(err) {
    const code = err.code;
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    if (code === 'EROFS')
        return 'the file system is read-only';
    if (code === 'ENOENT')
        return 'nothing can be created there';
    if (code === 'ENOTDIR')
        return 'a part of the path is a file, not a folder';
    return err instanceof Error ? err.message : String(err);
}
/**
 * Refuses, without writing anything, a folder that cannot be written: `dir` exists and is not a folder,
 * or is a folder duress may not write to; or it does not exist and its nearest existing parent is a file
 * or a folder duress may not write to. `what` names it in the message (`--out reports/x`).
 */
export function checkWritableDir(dir, what) {
    const found = statOrUndefined(dir);
    if (found !== undefined && !found.isDirectory())
        throw new InputError(`${what}: it is a file, not a folder`);
    let existing = dir;
    while (statOrUndefined(existing) === undefined) {
        const parent = path.dirname(existing);
        if (parent === existing)
            break;
        existing = parent;
    }
    const stats = statOrUndefined(existing);
    if (stats !== undefined && !stats.isDirectory())
        throw new InputError(`${what}: ${existing} is a file, not a folder`);
    try {
        accessSync(existing, constants.W_OK | constants.X_OK);
    }
    catch (err) {
        throw new InputError(`${what}: cannot write in ${existing}: ${reason(err)}`);
    }
}
/** Makes `dir` and any missing parents, one level at a time; a folder that cannot be made is an InputError. */
export function createDir(dir, what) {
    const missing = [];
    let p = path.resolve(dir);
    while (statOrUndefined(p) === undefined) {
        missing.unshift(p);
        const parent = path.dirname(p);
        if (parent === p)
            break;
        p = parent;
    }
    for (const folder of missing) {
        try {
            mkdirSync(folder);
        }
        catch (err) {
            if (err.code === 'EEXIST' && statOrUndefined(folder)?.isDirectory())
                continue;
            throw new InputError(`${what}: cannot create ${folder}: ${reason(err)}`);
        }
    }
    checkWritableDir(dir, what);
}
//# sourceMappingURL=output-dir.js.map