import { existsSync } from 'node:fs';
import { NOTES_DIR, ownerAlive, processStart, readNotes, removeNote, thisOwner, writeNote } from '../../core/owner-notes.js';
import { FOLDER_NOTE } from '../../core/temp-folders.js';

/**
 * Programs an instance starts (a process target's program, a real broker's server) are never left running.
 * What every kind that starts one shares, in three layers of defence:
 *   - `underParentDeath`: with util-linux's setpriv installed, the program runs as
 *     `setpriv --pdeathsig KILL -- command …`, so the kernel sends it SIGKILL when the thread that started
 *     it ends: the instance's worker thread, terminated on a failure, or duress itself, even by `kill -9`.
 *     (A program that changes its user loses that signal: the kernel clears it. Keep it as its user.)
 *   - the owner stops or kills it (`signalGroup` for a program that leads its own process group);
 *   - `noteProgram` writes a small file naming it and the duress process that started it, and `reapOrphans`
 *     (at the start of every run that starts programs) kills those whose duress is gone: the last line of
 *     defence, on a machine without setpriv. Process ids are reused, so each is checked against its start
 *     time (field 22 of /proc/<pid>/stat) before it is killed. The notes are ../../core/owner-notes.ts, where
 *     duress's temporary folders are noted too (../../core/temp-folders.ts).
 */

/** util-linux's setpriv, when installed. */
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((f) => existsSync(f));

/** Whether setpriv makes programs die with their parent thread here (the README says what changes without it). */
export const DIES_WITH_PARENT = SETPRIV !== undefined;

/** What to spawn to run `command args` so that it dies with the thread that spawns it (where setpriv is installed). */
export function underParentDeath(command: string, args: readonly string[]): [file: string, args: string[]] {
  return SETPRIV ? [SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args]] : [command, [...args]];
}

/** Where the running programs are noted, one file each, per user. */
export const PROGRAMS_DIR = NOTES_DIR;
export { processStart };

/** A program's note (a note with another `kind`, such as a folder's, is not a program's). */
interface ProgramRecord {
  kind?: 'program';
  duressPid: number;
  duressStart: string;
  pid: number;
  start: string;
  command: string;
}

/** Sends `signal` to the process group led by `pid`; false when there is none. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function noteName(id: string, pid: number): string {
  return `${process.pid}-${id}-${pid}.json`;
}

/**
 * Notes a program started by this duress process (`id`: a name unique among its programs, such as the
 * instance's id); returns what forgets it. Best effort: a failure to write is ignored.
 */
export function noteProgram(id: string, pid: number, command: string): () => void {
  const start = processStart(pid);
  if (start === undefined) return () => {};
  const record: ProgramRecord = { kind: 'program', ...thisOwner(), pid, start, command };
  if (!writeNote(noteName(id, pid), { ...record })) return () => {};
  return () => forgetProgram(id, pid);
}

/** Forgets a program of this duress process that ended (or was killed by the main thread after its worker was ended). */
export function forgetProgram(id: string, pid: number): void {
  removeNote(noteName(id, pid));
}

/**
 * Kills (SIGKILL, to its process group when it leads one, else to it alone) every program noted by a
 * duress process that is gone, and forgets them. Returns the ones it killed.
 */
export function reapOrphans(): { pid: number; command: string }[] {
  const reaped: { pid: number; command: string }[] = [];
  // A folder's note (../../core/temp-folders.ts) is not read here.
  for (const { name, record: note } of readNotes((n) => !FOLDER_NOTE.test(n))) {
    // Notes from before `kind` was written are programs'.
    if ((note.kind ?? 'program') !== 'program') continue;
    const record = note as unknown as ProgramRecord;
    // Its duress still runs (the same process, not a reused id): not an orphan.
    if (ownerAlive(record)) continue;
    if (typeof record.pid === 'number' && processStart(record.pid) === record.start && (signalGroup(record.pid, 'SIGKILL') || signalOne(record.pid, 'SIGKILL'))) reaped.push({ pid: record.pid, command: record.command });
    removeNote(name);
  }
  return reaped;
}

function signalOne(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}
