import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMainThread, threadId, type Worker } from 'node:worker_threads';
import { ownerAlive, readNotes, removeNote, thisOwner, writeNote } from './owner-notes.js';
import { sweepUnnotedFolders } from './unnoted-folders.js';

/**
 * The temporary folders duress makes for itself (a real broker's config, a process instance's working
 * folder, a run's journal when no run folder was named, a sink's CA file) and how none is left behind.
 * Every one is made by `makeTempFolder`, under the system's temporary folder (TMPDIR), and:
 *   - its owner removes it when it ends, normally or on an error (`removeTempFolder`);
 *   - it is noted (./owner-notes.ts) with the process and thread that made it, so that
 *     - the main thread removes what a worker thread left when that worker ended, terminated on a failure
 *       or stuck (`removeThreadFolders`, called by the engine's WorkerHost);
 *     - the process removes every one it still holds when it exits: a second SIGINT/SIGTERM (which exits
 *       at once), an uncaught error (an 'exit' hook, `removeTempFoldersAtExit`);
 *     - the next duress removes those of a duress killed with SIGKILL (which runs no code):
 *       `reapStaleFolders`, at the start of every run and before the first folder its main thread makes
 *       (not in each worker: a thousand instances would each read every note).
 * None is kept for the user: what a user keeps goes to folders the user names (a run's `--out`, a process
 * target's `system.workDir`), which are never made or removed here.
 */

/** What a temporary folder's note holds. */
interface FolderRecord {
  kind: 'folder';
  duressPid: number;
  duressStart: string;
  folder: string;
}

/** The folders this thread made and has not removed, by path → note name. */
const mine = new Map<string, string>();
let reaped = false;
let exitHook = false;

/** A folder's note is named `<pid>-folder-t<thread>-<folder's name>.json`. */
export const FOLDER_NOTE = /^\d+-folder-t\d+-/;

function noteName(folder: string): string {
  return `${process.pid}-folder-t${threadId}-${path.basename(folder)}.json`;
}

/**
 * Makes a fresh private folder `<TMPDIR>/<prefix>XXXXXX` (prefix such as `duress-server-`) and notes it
 * as this process's. The first call in the main thread first reaps the folders of duress processes that
 * are gone. Throws what mkdtemp throws.
 */
export function makeTempFolder(prefix: string): string {
  if (isMainThread) {
    if (!reaped) reapStaleFolders();
    removeTempFoldersAtExit();
  }
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  const name = noteName(folder);
  const record: FolderRecord = { kind: 'folder', ...thisOwner(), folder };
  // Not noted (the notes' folder cannot be written): still removed by its owner, and at exit when the main
  // thread made it; not when a worker that made it is ended, nor after a SIGKILL.
  writeNote(name, { ...record });
  mine.set(folder, name);
  return folder;
}

/**
 * Removes a folder `makeTempFolder` made in this process (in any of its threads: the main thread removes
 * the folder of an instance whose worker did not), and its note; never throws (a folder that resists stays
 * noted, for the exit hook or the reaper).
 */
export function removeTempFolder(folder: string): void {
  const name = mine.get(folder);
  if (name === undefined) {
    // Removed already (an owner that cleans up twice): nothing to look for among the notes.
    if (!existsSync(folder)) return;
    const suffix = `-${path.basename(folder)}.json`;
    removeNoted((name) => name.startsWith(`${process.pid}-folder-t`) && name.endsWith(suffix), (record) => record.folder === folder);
    return;
  }
  if (!removeFolder(folder)) return;
  removeNote(name);
  mine.delete(folder);
}

/** Removes what worker thread `thread` of this process made and did not remove: called once the worker has ended. */
export function removeThreadFolders(thread: number): string[] {
  return removeNoted((name) => name.startsWith(`${process.pid}-folder-t${thread}-`));
}

/**
 * Removes what `worker` made and could not remove (terminated on a failure, or stuck) once it exits, and
 * at duress's exit if that comes first. Call on the main thread right after making the worker, before
 * other 'exit' listeners, so that its folders are gone by the time they run.
 */
export function removeFoldersWhenEnded(worker: Worker): void {
  const thread = worker.threadId;
  removeTempFoldersAtExit();
  worker.on('exit', () => removeThreadFolders(thread));
}

/**
 * Makes sure every folder this process made (in any thread) is removed when it exits, however it exits
 * short of SIGKILL. Main thread only (a worker's 'exit' does not mean the process's); idempotent.
 */
export function removeTempFoldersAtExit(): void {
  if (exitHook || !isMainThread) return;
  exitHook = true;
  process.on('exit', () => {
    removeNoted((name) => name.startsWith(`${process.pid}-folder-`));
    for (const folder of mine.keys()) removeFolder(folder);
  });
}

/**
 * Removes the folders noted by duress processes that are gone (and their notes), then the folders an
 * earlier duress made before folders were noted (./unnoted-folders.ts says which, and why it is safe).
 * Returns the folders it removed.
 */
export function reapStaleFolders(): string[] {
  reaped = true;
  const removed: string[] = [];
  const noted = new Set<string>();
  for (const { name, record } of readNotes((n) => FOLDER_NOTE.test(n))) {
    if (record.kind !== 'folder' || typeof record.folder !== 'string') continue;
    noted.add(record.folder);
    if (ownerAlive(record)) continue;
    if (removeFolder(record.folder)) {
      removeNote(name);
      removed.push(record.folder);
    }
  }
  return [...removed, ...sweepUnnotedFolders(tmpdir(), noted)];
}

/** Removes the folders noted under the names `named` picks (and, given `which`, that it picks), and their notes. */
function removeNoted(named: (name: string) => boolean, which: (record: FolderRecord) => boolean = () => true): string[] {
  const removed: string[] = [];
  for (const { name, record } of readNotes(named)) {
    if (record.kind !== 'folder' || typeof record.folder !== 'string' || !which(record as unknown as FolderRecord)) continue;
    if (removeFolder(record.folder)) {
      removeNote(name);
      mine.delete(record.folder);
      removed.push(record.folder);
    }
  }
  return removed;
}

/** What makeTempFolder makes: `<TMPDIR>/duress-…-XXXXXX` (mkdtemp's six letters and digits). */
const TEMP_FOLDER_NAME = /^duress-[A-Za-z0-9-]+-[A-Za-z0-9]{6}$/;

/**
 * rm -rf, retried a few times when a program being killed still writes into it; false when it stayed. A
 * note names the folder: only one of the shape makeTempFolder makes, right in TMPDIR, is removed.
 */
function removeFolder(folder: string): boolean {
  if (path.dirname(folder) !== tmpdir() || !TEMP_FOLDER_NAME.test(path.basename(folder))) return false;
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    return true;
  } catch {
    return false;
  }
}
