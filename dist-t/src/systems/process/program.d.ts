import { type ChildProcess } from 'node:child_process';
import type { ProgramExit, ShutdownOutcome } from './messages.js';
/** How to start the program. */
export interface ProgramSpec {
    command: string;
    args: readonly string[];
    env: Record<string, string>;
    cwd: string;
    /** Its standard input is a pipe duress writes to (input via stdin); otherwise /dev/null. */
    stdin: boolean;
    stderrLines: number;
}
/**
 * One running program, the system under test of a process instance, owned by the instance's worker thread.
 *
 * It is never left running:
 *   - it is the leader of its own process group (spawned detached), so a kill reaches what it started too;
 *   - with util-linux's setpriv installed, it runs as `setpriv --pdeathsig KILL -- command …`: the kernel
 *     sends it SIGKILL when the thread that started it ends, which is this worker's thread, so the program
 *     dies when the worker is terminated (a failed instance, a stop that timed out) and when duress itself
 *     dies, even by `kill -9`;
 *   - the main thread kills its group by pid when the instance fails (cell.ts), and a pid file lets the
 *     next run reap it if all else failed (reaper.ts).
 */
export declare class Program {
    #private;
    readonly child: ChildProcess;
    readonly exited: Promise<void>;
    /** True once SIGTERM was sent: an exit after it is a shutdown, not a crash. */
    stopping: boolean;
    constructor(spec: ProgramSpec);
    get pid(): number;
    /** How it ended, once it did. */
    exit(): ProgramExit | undefined;
    stderrTail(): string[];
    /** Its resident set now (VmRSS of /proc/<pid>/status, bytes), as a container's memory limit would see it; NaN when unknown. */
    rss(): number;
    /** Sends `signal` to its whole process group; false when it is gone. */
    signal(signal: NodeJS.Signals): boolean;
    /** The `pause` fault: stops it (SIGSTOP) until `resume` (SIGCONT). */
    suspend(): void;
    resume(): void;
    /**
     * Asks it to stop (SIGTERM) and waits `graceMs` of wall time; one that has not exited by then is killed
     * (SIGKILL), and the outcome says so.
     */
    shutdown(graceMs: number): Promise<ShutdownOutcome>;
}
/** Sends `signal` to the process group led by `pid`; false when there is none. */
export declare function signalGroup(pid: number, signal: NodeJS.Signals): boolean;
/** Whether setpriv makes programs die with their parent thread here (the README says what changes without it). */
export declare const DIES_WITH_PARENT: boolean;
