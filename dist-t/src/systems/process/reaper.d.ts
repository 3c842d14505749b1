/**
 * The last line of defence against a program left running: each running program has a small file here
 * naming it and the duress process that started it; a run that starts a process target reaps the programs
 * whose duress is gone (killed by `kill -9` on a machine without setpriv, say). Process ids are reused,
 * so each is checked against its start time (field 22 of /proc/<pid>/stat) before it is killed.
 */
export declare const PROGRAMS_DIR: string;
/** The start time of process `pid` (clock ticks since boot, as text), or undefined when there is none. */
export declare function processStart(pid: number): string | undefined;
/** Notes a program started by this duress process; returns what forgets it. Best effort: a failure to write is ignored. */
export declare function noteProgram(id: string, pid: number, command: string): () => void;
/** Forgets a program of this duress process that ended (or was killed by the main thread after its worker was ended). */
export declare function forgetProgram(id: string, pid: number): void;
/**
 * Kills (SIGKILL, to their process groups) the programs noted by duress processes that are gone, and
 * forgets them. Returns the ones it killed.
 */
export declare function reapOrphans(): {
    pid: number;
    command: string;
}[];
