import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The notes a duress process keeps of what it owns outside itself and must not leave behind: the programs
 * it starts (src/systems/isolation/owned-programs.ts) and the temporary folders it makes
 * (./temp-folders.ts). One small JSON file per thing, in one folder per user, each naming the duress
 * process that owns it by its process id and its start time (a process id alone is reused). The owner
 * forgets a thing when it ends it; whatever is still noted for an owner that is gone (a duress killed with
 * SIGKILL, which runs no code at all) is ended by the next duress that starts: the reapers read these notes.
 */

/** Where the notes are kept, one file each, per user. (Named for programs, the first thing noted there.) */
export const NOTES_DIR = path.join(tmpdir(), `duress-programs-${process.getuid?.() ?? 0}`);

/**
 * Whether the notes' folder is this user's own folder (not a symbolic link, not made by someone else in
 * the shared temporary folder to have duress act on notes it did not write). Made when `make`.
 */
function notesDirOurs(make: boolean): boolean {
  try {
    if (make) mkdirSync(NOTES_DIR, { recursive: true, mode: 0o700 });
    const s = lstatSync(NOTES_DIR);
    return s.isDirectory() && s.uid === (process.getuid?.() ?? s.uid);
  } catch {
    return false;
  }
}

/** Who owns a noted thing: a duress process, by its id and start time. */
export interface Owner {
  duressPid: number;
  duressStart: string;
}

/** The start time of process `pid` (clock ticks since boot, as text), or undefined when there is none. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

let self: Owner | undefined;

/** This process, as the owner of what it notes. */
export function thisOwner(): Owner {
  self ??= { duressPid: process.pid, duressStart: processStart(process.pid) ?? '' };
  return { ...self };
}

/** Whether the owner still runs (the same process, not another one that was given its id since). */
export function ownerAlive(owner: Owner): boolean {
  const start = processStart(owner.duressPid);
  if (start !== undefined || owner.duressStart !== '') return start === owner.duressStart;
  // No /proc (not Linux): no start time was noted, and the process id alone says (reused or not).
  try {
    process.kill(owner.duressPid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes the note `name` (a file name unique among this process's notes; it should start with this
 * process's id, so that what one process noted is told apart by name). Returns false when it could not.
 */
export function writeNote(name: string, record: Owner & Record<string, unknown>): boolean {
  if (!notesDirOurs(true)) return false;
  try {
    writeFileSync(path.join(NOTES_DIR, name), JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Removes a note; never throws. */
export function removeNote(name: string): void {
  rmSync(path.join(NOTES_DIR, name), { force: true });
}

/**
 * Every note that can be read (whose file name `named` picks, when given: only those are read), by its file
 * name. A note half written, or not JSON, is passed over.
 */
export function readNotes(named: (name: string) => boolean = () => true): { name: string; record: Owner & Record<string, unknown> }[] {
  let names: string[];
  if (!notesDirOurs(false)) return [];
  try {
    names = readdirSync(NOTES_DIR);
  } catch {
    return [];
  }
  const notes: { name: string; record: Owner & Record<string, unknown> }[] = [];
  for (const name of names) {
    if (!named(name)) continue;
    try {
      const record = JSON.parse(readFileSync(path.join(NOTES_DIR, name), 'utf8')) as unknown;
      if (typeof record === 'object' && record !== null && typeof (record as Owner).duressPid === 'number') notes.push({ name, record: record as Owner & Record<string, unknown> });
    } catch {
      // Being written, or removed while we read: not ours to judge now.
    }
  }
  return notes;
}
