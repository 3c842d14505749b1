import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signalGroup } from './program.js';
/**
 * The last line of defence against a program left running: each running program has a small file here
 * naming it and the duress process that started it; a run that starts a process target reaps the programs
 * whose duress is gone (killed by `kill -9` on a machine without setpriv, say). Process ids are reused,
 * so each is checked against its start time (field 22 of /proc/<pid>/stat) before it is killed.
 */
export const PROGRAMS_DIR = path.join(tmpdir(), `duress-programs-${process.getuid?.() ?? 0}`);
/** The start time of process `pid` (clock ticks since boot, as text), or undefined when there is none. */
export function processStart(pid) {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    }
    catch {
        return undefined;
    }
}
function fileOf(id, pid) {
    return path.join(PROGRAMS_DIR, `${process.pid}-${id}-${pid}.json`);
}
/** Notes a program started by this duress process; returns what forgets it. Best effort: a failure to write is ignored. */
export function noteProgram(id, pid, command) {
    const start = processStart(pid);
    if (start === undefined)
        return () => { };
    const file = fileOf(id, pid);
    try {
        mkdirSync(PROGRAMS_DIR, { recursive: true });
        const record = { duressPid: process.pid, duressStart: processStart(process.pid) ?? '', pid, start, command };
        writeFileSync(file, JSON.stringify(record));
    }
    catch {
        return () => { };
    }
    return () => forgetProgram(id, pid);
}
/** Forgets a program of this duress process that ended (or was killed by the main thread after its worker was ended). */
export function forgetProgram(id, pid) {
    rmSync(fileOf(id, pid), { force: true });
}
/**
 * Kills (SIGKILL, to their process groups) the programs noted by duress processes that are gone, and
 * forgets them. Returns the ones it killed.
 */
export function reapOrphans() {
    let names;
    try {
        names = readdirSync(PROGRAMS_DIR);
    }
    catch {
        return [];
    }
    const reaped = [];
    for (const name of names) {
        const file = path.join(PROGRAMS_DIR, name);
        let record;
        try {
            record = JSON.parse(readFileSync(file, 'utf8'));
        }
        catch {
            continue;
        }
        // Its duress still runs (the same process, not a reused id): not an orphan.
        if (processStart(record.duressPid) === record.duressStart)
            continue;
        if (processStart(record.pid) === record.start && signalGroup(record.pid, 'SIGKILL'))
            reaped.push({ pid: record.pid, command: record.command });
        rmSync(file, { force: true });
    }
    return reaped;
}
//# sourceMappingURL=reaper.js.map