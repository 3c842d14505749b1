import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
/** util-linux's setpriv, when installed: it makes the program die with the thread that started it (see below). */
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((f) => existsSync(f));
/** Last lines of a stream, bounded: the evidence of a crash. */
class LineTail {
    #max;
    #lines = [];
    #partial = '';
    constructor(max) {
        this.#max = max;
    }
    push(text) {
        const parts = (this.#partial + text).split('\n');
        this.#partial = parts.pop() ?? '';
        // A program that writes a megabyte without a newline keeps only its end.
        if (this.#partial.length > 4096)
            this.#partial = this.#partial.slice(-4096);
        for (const line of parts) {
            this.#lines.push(line.length > 4096 ? `${line.slice(0, 4096)}…` : line);
            if (this.#lines.length > this.#max)
                this.#lines.shift();
        }
    }
    lines() {
        const out = this.#partial === '' ? [...this.#lines] : [...this.#lines, this.#partial];
        return out.slice(-this.#max);
    }
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
export class Program {
    child;
    #stderr;
    #exit;
    exited;
    /** True once SIGTERM was sent: an exit after it is a shutdown, not a crash. */
    stopping = false;
    constructor(spec) {
        const [file, args] = SETPRIV ? [SETPRIV, ['--pdeathsig', 'KILL', '--', spec.command, ...spec.args]] : [spec.command, [...spec.args]];
        this.child = spawn(file, args, {
            cwd: spec.cwd,
            env: { ...process.env, ...spec.env },
            detached: true,
            stdio: [spec.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        });
        this.#stderr = new LineTail(spec.stderrLines);
        this.child.stderr?.setEncoding('utf8').on('data', (text) => this.#stderr.push(text));
        // Its standard output is read and let go: a program that logs there must never block on a full pipe.
        this.child.stdout?.resume();
        // A program that exits (or never started) closes its input: those write errors are its exit, seen below.
        this.child.stdin?.on('error', () => { });
        this.exited = new Promise((resolve) => {
            this.child.once('exit', (code, signal) => {
                this.#exit = { code, signal };
                resolve();
            });
            this.child.once('error', (err) => {
                this.#exit ??= { code: null, signal: null };
                this.#stderr.push(`duress: cannot start ${spec.command}: ${err.message}\n`);
                resolve();
            });
        });
    }
    get pid() {
        return this.child.pid ?? 0;
    }
    /** How it ended, once it did. */
    exit() {
        return this.#exit && { ...this.#exit, stderr: this.#stderr.lines() };
    }
    stderrTail() {
        return this.#stderr.lines();
    }
    /** Its resident set now (VmRSS of /proc/<pid>/status, bytes), as a container's memory limit would see it; NaN when unknown. */
    rss() {
        if (!this.pid || this.#exit)
            return Number.NaN;
        try {
            const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'latin1'));
            return m ? Number(m[1]) * 1024 : Number.NaN;
        }
        catch {
            return Number.NaN;
        }
    }
    /** Sends `signal` to its whole process group; false when it is gone. */
    signal(signal) {
        if (!this.pid || this.#exit)
            return false;
        return signalGroup(this.pid, signal);
    }
    /** The `pause` fault: stops it (SIGSTOP) until `resume` (SIGCONT). */
    suspend() {
        this.signal('SIGSTOP');
    }
    resume() {
        this.signal('SIGCONT');
    }
    /**
     * Asks it to stop (SIGTERM) and waits `graceMs` of wall time; one that has not exited by then is killed
     * (SIGKILL), and the outcome says so.
     */
    async shutdown(graceMs) {
        this.stopping = true;
        const sentAt = performance.now();
        // A stopped program (a pause under way at the end) cannot act on SIGTERM: it is continued first.
        this.signal('SIGCONT');
        this.signal('SIGTERM');
        let timer;
        const inTime = await Promise.race([this.exited.then(() => true), new Promise((r) => (timer = setTimeout(() => r(false), graceMs)))]);
        clearTimeout(timer);
        if (!inTime) {
            this.signal('SIGKILL');
            await Promise.race([this.exited, once(this.child, 'close')]);
        }
        const exit = this.#exit ?? { code: null, signal: null };
        return { exitedAfterMs: inTime ? Math.round(performance.now() - sentAt) : null, graceMs, code: exit.code, signal: exit.signal, stderr: inTime ? [] : this.#stderr.lines() };
    }
}
/** Sends `signal` to the process group led by `pid`; false when there is none. */
export function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch {
        return false;
    }
}
/** Whether setpriv makes programs die with their parent thread here (the README says what changes without it). */
export const DIES_WITH_PARENT = SETPRIV !== undefined;
//# sourceMappingURL=program.js.map