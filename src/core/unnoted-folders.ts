import { readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Temporary folders made by a duress from before they were noted (./temp-folders.ts): nothing names
 * their owner, so they are judged by what they are. One is removed when all of these hold:
 *   - its name is one duress itself makes: `duress-server-`, `duress-run-`, `duress-sink-ca-` or a process
 *     instance's `duress-c<cell>s<slot>g<generation>-`, then mkdtemp's six characters (a test's or a
 *     user's folder, named otherwise, is never touched);
 *   - it is this user's, and no note names it (every folder made now is noted the moment it is made);
 *   - it was last changed over an hour ago (UNNOTED_AGE_MS), so it is not one being made right now by a
 *     duress of an older version running beside this one;
 *   - no process uses it: none has its working directory or a file open in it, or names it on its
 *     command line (a broker's server named its config there; a process target ran in it).
 * The last two keep a long run of an older duress safe; its folders are removed once it is gone.
 */

/** How long an unnoted folder must have been left unchanged before it may be removed, wall ms. */
export const UNNOTED_AGE_MS = 3_600_000;

/** The names of the temporary folders duress makes (mkdtemp adds six characters to each prefix). */
const DURESS_FOLDER = /^duress-(?:server|run|sink-ca|c\d+s\d+g\d+)-[A-Za-z0-9]{6}$/;

/** Removes, in `dir`, the unnoted duress folders that are stale (above); returns them. `noted`: every folder a note names. */
export function sweepUnnotedFolders(dir: string, noted: ReadonlySet<string>, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const candidates = names
    .filter((name) => DURESS_FOLDER.test(name))
    .map((name) => path.join(dir, name))
    .filter((folder) => !noted.has(folder) && stale(folder, now));
  if (candidates.length === 0) return [];
  const inUse = foldersInUse(candidates);
  const removed: string[] = [];
  for (const folder of candidates) {
    if (inUse.has(folder)) continue;
    try {
      rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      // Not ours to remove (another user's), or in the way of something: left alone.
    }
  }
  return removed;
}

function stale(folder: string, now: number): boolean {
  try {
    const s = statSync(folder);
    return s.isDirectory() && s.uid === (process.getuid?.() ?? s.uid) && now - s.mtimeMs > UNNOTED_AGE_MS;
  } catch {
    return false;
  }
}

/** The candidates some process uses: its working directory or an open file is in one, or its command line names one. */
function foldersInUse(candidates: readonly string[]): Set<string> {
  const used = new Set<string>();
  const within = (p: string): void => {
    for (const c of candidates) if (p === c || p.startsWith(`${c}/`)) used.add(c);
  };
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    // No /proc to tell: every one may be in use.
    return new Set(candidates);
  }
  for (const pid of pids) {
    try {
      within(readlinkSync(`/proc/${pid}/cwd`));
    } catch {
      // Gone, or not ours to look at.
    }
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      for (const c of candidates) if (cmdline.includes(c)) used.add(c);
    } catch {
      // Gone.
    }
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        within(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        // Closed while we looked.
      }
    }
  }
  return used;
}
