import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { makeTempFolder, removeTempFolder } from '../../../core/temp-folders.js';
import { noteProgram, reapOrphans, underParentDeath } from '../../isolation/owned-programs.js';

/**
 * One real server process (redis-server, nats-server, mosquitto) that an instance owns. It never outlives
 * its owner:
 *   - the instance stops it (SIGTERM, then SIGKILL) when it ends, and when its start fails;
 *   - it is started under `setpriv --pdeathsig KILL` (util-linux), so the kernel kills it when the
 *     thread that started it ends: a worker terminated on a failure, or duress itself killed;
 *   - it is noted with the programs of process targets, and every start first kills the programs of
 *     owners that are gone (a run cut off before any of the above could act: reaped on the next start).
 * The last two are ../../isolation/owned-programs.ts, shared with `kind: process`.
 */

/** How long a server has to say it is ready, and to exit when asked, wall ms. */
const READY_TIMEOUT_MS = 15_000;
/** Wall ms between SIGTERM and SIGKILL when an instance stops its server. */
export const SERVER_STOP_GRACE_MS = 2_000;

export interface ServerLaunch {
  /** The program (absolute path), its arguments (`{dir}` is replaced by the instance's config folder). */
  program: string;
  args: string[];
  /** Files to write into the config folder first (name → content). */
  files?: Record<string, string>;
  /** Written to its stdin, which is then closed (redis-server reads its config from `-`). */
  stdin?: string;
  /** The log line that says it accepts connections. */
  ready: RegExp;
  /** Every line it logs (stdout and stderr), as it comes, with the wall time it was read. */
  onLine?: (line: string) => void;
}

export class ServerProcess {
  readonly pid: number;
  readonly #child: ChildProcess;
  readonly #dir: string;
  /** Forgets its note among the owned programs. */
  readonly #forget: () => void;
  readonly #exited: Promise<void>;
  /** The last lines it logged, for the error when it fails to start or exits. */
  readonly #tail: string[] = [];
  #exitCode: string | undefined;

  private constructor(child: ChildProcess, dir: string, forget: () => void) {
    this.#child = child;
    this.pid = child.pid ?? -1;
    this.#dir = dir;
    this.#forget = forget;
    this.#exited = once(child, 'exit').then(([code, signal]: unknown[]) => {
      this.#exitCode = signal ? String(signal) : String(code);
      this.#cleanUp();
    });
  }

  /** Starts the server and resolves once it logged its ready line; rejects (having killed it) otherwise. */
  static async start(launch: ServerLaunch): Promise<ServerProcess> {
    reapOrphans();
    // Its folder goes with it (removed when it exits or is stopped; ../../../core/temp-folders.ts when its worker or duress ends first).
    const dir = makeTempFolder('duress-server-');
    let child: ChildProcess;
    try {
      for (const [name, content] of Object.entries(launch.files ?? {})) writeFileSync(join(dir, name), content);
      const args = launch.args.map((a) => a.replaceAll('{dir}', dir));
      const [command, argv] = underParentDeath(launch.program, args);
      child = spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (err) {
      removeTempFolder(dir);
      throw err;
    }
    const forget = child.pid !== undefined ? noteProgram('server', child.pid, launch.program) : () => {};
    const server = new ServerProcess(child, dir, forget);
    child.stdin?.end(launch.stdin ?? '');
    child.on('error', () => undefined);
    const ready = new Promise<void>((resolve) => {
      for (const stream of [child.stdout, child.stderr]) {
        if (!stream) continue;
        createInterface({ input: stream }).on('line', (line) => {
          server.#tail.push(line);
          if (server.#tail.length > 20) server.#tail.shift();
          if (launch.ready.test(line)) resolve();
          launch.onLine?.(line);
        });
      }
    });
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      ready.then(() => 'ready' as const),
      server.#exited.then(() => 'exited' as const),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    if (outcome === 'ready') return server;
    await server.stop();
    const said = server.#tail.slice(-5).join(' | ');
    throw new Error(`${launch.program} ${outcome === 'exited' ? `exited (${server.#exitCode})` : `was not ready within ${READY_TIMEOUT_MS / 1000} s`} before accepting connections${said ? `: ${said}` : ''}`);
  }

  /** It has exited (on its own or stopped), and why: the exit code or signal. */
  get exitReason(): string | undefined {
    return this.#exitCode;
  }

  /** Its resident set now, bytes (VmRSS of /proc/<pid>/status); 0 once it has exited. */
  rss(): number {
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'latin1'));
      return m ? Number(m[1]) * 1024 : 0;
    } catch {
      return 0;
    }
  }

  /** Asks it to exit (SIGTERM), kills it after a grace period; resolves once it is gone. */
  async stop(): Promise<void> {
    if (this.#exitCode === undefined) {
      this.#child.kill('SIGTERM');
      const grace = setTimeout(() => this.#child.kill('SIGKILL'), SERVER_STOP_GRACE_MS);
      await this.#exited;
      clearTimeout(grace);
    }
    this.#cleanUp();
  }

  #cleanUp(): void {
    removeTempFolder(this.#dir);
    this.#forget();
  }
}

/** A port free on 127.0.0.1 now (the server binds it a moment later; a start that loses the race is retried). */
export async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  s.close();
  await once(s, 'close');
  return port;
}
