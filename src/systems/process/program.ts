import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { signalGroup, underParentDeath } from '../isolation/owned-programs.js';
import type { ProgramExit, ShutdownOutcome } from './messages.js';
import { inOwnResolvConf } from './resolv-namespace.js';

/** Last lines of a stream, bounded: the evidence of a crash. */
class LineTail {
  readonly #max: number;
  readonly #lines: string[] = [];
  #partial = '';

  constructor(max: number) {
    this.#max = max;
  }

  push(text: string): void {
    const parts = (this.#partial + text).split('\n');
    this.#partial = parts.pop() ?? '';
    // A program that writes a megabyte without a newline keeps only its end.
    if (this.#partial.length > 4096) this.#partial = this.#partial.slice(-4096);
    for (const line of parts) {
      this.#lines.push(line.length > 4096 ? `${line.slice(0, 4096)}…` : line);
      if (this.#lines.length > this.#max) this.#lines.shift();
    }
  }

  lines(): string[] {
    const out = this.#partial === '' ? [...this.#lines] : [...this.#lines, this.#partial];
    return out.slice(-this.#max);
  }
}

/** How to start the program. */
export interface ProgramSpec {
  command: string;
  args: readonly string[];
  env: Record<string, string>;
  cwd: string;
  /** Its standard input is a pipe duress writes to (input via stdin); otherwise /dev/null. */
  stdin: boolean;
  stderrLines: number;
  /** A file to be its /etc/resolv.conf, in a mount namespace of its own (system.resolvConf); none: the machine's. */
  resolvConf?: string;
}

/**
 * One running program, the system under test of a process instance, owned by the instance's worker thread.
 *
 * It is never left running (../isolation/owned-programs.ts):
 *   - it is the leader of its own process group (spawned detached), so a kill reaches what it started too;
 *   - with util-linux's setpriv installed, the kernel sends it SIGKILL when the thread that started it
 *     ends, which is this worker's thread, so the program dies when the worker is terminated (a failed
 *     instance, a stop that timed out) and when duress itself dies, even by `kill -9`;
 *   - the main thread kills its group by pid when the instance fails (cell.ts), and a pid file lets the
 *     next run reap it if all else failed.
 */
export class Program {
  readonly child: ChildProcess;
  readonly #stderr: LineTail;
  #exit: { code: number | null; signal: string | null } | undefined;
  readonly exited: Promise<void>;
  /** True once SIGTERM was sent: an exit after it is a shutdown, not a crash. */
  stopping = false;

  constructor(spec: ProgramSpec) {
    const [command, commandArgs] = spec.resolvConf === undefined ? [spec.command, spec.args] : inOwnResolvConf(spec.command, spec.args, spec.resolvConf);
    const [file, args] = underParentDeath(command, commandArgs);
    this.child = spawn(file, args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      detached: true,
      stdio: [spec.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    this.#stderr = new LineTail(spec.stderrLines);
    this.child.stderr?.setEncoding('utf8').on('data', (text: string) => this.#stderr.push(text));
    // Its standard output is read and let go: a program that logs there must never block on a full pipe.
    this.child.stdout?.resume();
    // A program that exits (or never started) closes its input: those write errors are its exit, seen below.
    this.child.stdin?.on('error', () => {});
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

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** How it ended, once it did. */
  exit(): ProgramExit | undefined {
    return this.#exit && { ...this.#exit, stderr: this.#stderr.lines() };
  }

  stderrTail(): string[] {
    return this.#stderr.lines();
  }

  /** Its resident set now (VmRSS of /proc/<pid>/status, bytes), as a container's memory limit would see it; NaN when unknown. */
  rss(): number {
    if (!this.pid || this.#exit) return Number.NaN;
    try {
      const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'latin1'));
      return m ? Number(m[1]) * 1024 : Number.NaN;
    } catch {
      return Number.NaN;
    }
  }

  /** Sends `signal` to its whole process group; false when it is gone. */
  signal(signal: NodeJS.Signals): boolean {
    if (!this.pid || this.#exit) return false;
    return signalGroup(this.pid, signal);
  }

  /** The `pause` fault: stops it (SIGSTOP) until `resume` (SIGCONT). */
  suspend(): void {
    this.signal('SIGSTOP');
  }

  resume(): void {
    this.signal('SIGCONT');
  }

  /**
   * Asks it to stop (SIGTERM) and waits `graceMs` of wall time; one that has not exited by then is killed
   * (SIGKILL), and the outcome says so.
   */
  async shutdown(graceMs: number): Promise<ShutdownOutcome> {
    this.stopping = true;
    const sentAt = performance.now();
    // A stopped program (a pause under way at the end) cannot act on SIGTERM: it is continued first.
    this.signal('SIGCONT');
    this.signal('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), graceMs)))]);
    clearTimeout(timer);
    if (!inTime) {
      this.signal('SIGKILL');
      await Promise.race([this.exited, once(this.child, 'close')]);
    }
    const exit = this.#exit ?? { code: null, signal: null };
    return { exitedAfterMs: inTime ? Math.round(performance.now() - sentAt) : null, graceMs, code: exit.code, signal: exit.signal, stderr: inTime ? [] : this.#stderr.lines() };
  }
}
