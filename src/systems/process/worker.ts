import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { ScaledClock } from '../../core/clock.js';
import { makeTempFolder, removeTempFolder } from '../../core/temp-folders.js';
import { formatDuration } from '../../core/units.js';
import { noteProgram } from '../isolation/owned-programs.js';
import { serveInstance } from '../isolation/worker-protocol.js';
import { Feeder } from './feeder.js';
import type { ProcessHeartbeat, ProcessStopped, ProcessWorkerData, ShutdownOutcome } from './messages.js';
import { FileInput, HttpInput, StdinInput, TcpInput, type ProgramInput } from './program-input.js';
import { Program } from './program.js';
import { RecordEncoding } from './record-encoding.js';
import { resolvConfText } from './resolv-namespace.js';
import { renderTemplate, type PlaceholderValues } from './template.js';

/** A free TCP port on `host`, for a program's input: taken by listening on port 0, then let go. */
async function freePort(host: string): Promise<number> {
  const server = createServer();
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * The body of a process instance, in its own worker thread: it makes the instance's folder, renders its
 * config, starts the program (program.ts), waits for its input to open, then feeds it at the scenario's
 * rate (feeder.ts) and reports with each heartbeat what it took, what is owed, its back-pressure, its
 * memory and, once it happened, how it ended by itself. The watchdog (cell.ts) judges all of it on the
 * main thread. At the stop it asks the program to stop (SIGTERM, then SIGKILL after the grace period).
 */
await serveInstance<ProcessWorkerData, ProcessHeartbeat, ProcessStopped>((data) => {
  const clock = ScaledClock.fromSpec(data.clock);
  const system = data.system;
  const opening = new AbortController();
  let folder = '';
  let program: Program | undefined;
  let input: ProgramInput | undefined;
  let feeder: Feeder | undefined;
  let forget = (): void => {};
  let startProblem: { reason: string; stderr: string[] } | null = null;
  let shutdown: ShutdownOutcome | null = null;
  let rss = Number.NaN;

  async function prepare(): Promise<{ values: PlaceholderValues; inputFile: string }> {
    if (system.workDir !== undefined) {
      folder = path.join(system.workDir, data.id);
      await mkdir(folder, { recursive: true });
    } else folder = makeTempFolder(`duress-${data.id}-`);
    const sink = new URL(data.origin);
    const via = system.input.via;
    const port = via === 'tcp' || via === 'http' ? system.input.port || (await freePort(data.address)) : 0;
    const inputFile = path.join(folder, 'input.log');
    const values: PlaceholderValues = {
      id: data.id,
      slot: String(data.slot),
      dir: folder,
      config: system.config ? path.join(folder, system.config.file) : '',
      'input.host': data.address,
      'input.port': String(port),
      'input.file': inputFile,
      'sink.url': data.origin,
      'sink.host': sink.hostname,
      'sink.address': data.address,
      'sink.port': sink.port || (sink.protocol === 'https:' ? '443' : '80'),
      'sink.channel': data.channel,
      'sink.tls': data.ca !== undefined ? 'on' : 'off',
      // The file the sink wrote its CA to (SinkEndpoint.caFile), the one copy every instance reads.
      'sink.caFile': data.caFile ?? '',
      'dns.host': data.dns?.host ?? '',
      'dns.port': String(data.dns?.port ?? ''),
    };
    if (system.config) await writeFile(values.config, renderTemplate(system.config.text, values));
    if (system.resolvConf) {
      if (data.dns?.port !== 53) throw new Error(`system.resolvConf: the DNS server must listen on port 53 (resolv.conf names no port), and it is at ${data.dns?.host ?? '?'}:${data.dns?.port ?? '?'}`);
      await writeFile(path.join(folder, 'resolv.conf'), resolvConfText(data.dns.host));
    }
    return { values, inputFile };
  }

  function inputFor(values: PlaceholderValues, inputFile: string, child: Program): ProgramInput {
    const i = system.input;
    switch (i.via) {
      case 'tcp':
        return new TcpInput(values['input.host'], Number(values['input.port']));
      case 'http':
        return new HttpInput(values['input.host'], Number(values['input.port']), i.path, i.format === 'json' ? 'application/json' : 'application/x-ndjson');
      case 'file':
        return new FileInput(inputFile, i.rotate);
      case 'stdin':
        if (!child.child.stdin) throw new Error('the program was started without a standard input');
        return new StdinInput(child.child.stdin);
    }
  }

  return {
    async start() {
      const { values, inputFile } = await prepare();
      // The file exists before the program starts, so a program that tails it finds it.
      const fileInput = system.input.via === 'file' ? new FileInput(inputFile, system.input.rotate) : undefined;
      const child = new Program({
        command: system.command,
        args: system.args.map((a) => renderTemplate(a, values)),
        env: Object.fromEntries(Object.entries(system.env).map(([k, v]) => [k, renderTemplate(v, values)])),
        cwd: folder,
        stdin: system.input.via === 'stdin',
        stderrLines: system.stderrLines,
        ...(system.resolvConf ? { resolvConf: path.join(folder, 'resolv.conf') } : {}),
      });
      program = child;
      if (child.pid) forget = noteProgram(data.id, child.pid, system.command);
      void child.exited.then(() => {
        forget();
        opening.abort();
      });
      if (fileInput) fileInput.readerPid = child.pid;
      input = fileInput ?? inputFor(values, inputFile, child);
      feeder = new Feeder(clock, input, new RecordEncoding(data.id, system.input.recordSize, system.input.format), system.input.rate, system.input.batch);
      // The load starts once the program can take it; a program that cannot is the watchdog's to judge.
      const timer = setTimeout(() => opening.abort(), system.startTimeout);
      try {
        await input.open(opening.signal);
        feeder.start();
      } catch {
        if (!child.exit()) startProblem = { reason: `the program did not open its input (${system.input.via}${system.input.via === 'tcp' || system.input.via === 'http' ? ` on ${values['input.host']}:${values['input.port']}` : ''}) within startTimeout ${formatDuration(system.startTimeout)}`, stderr: child.stderrTail() };
      } finally {
        clearTimeout(timer);
      }
    },
    heartbeat() {
      rss = program?.rss() ?? Number.NaN;
      const message = {
        t: 'heartbeat' as const,
        generated: feeder?.taken ?? 0,
        dropped: [],
        requestMs: [],
        pid: program?.pid ?? 0,
        exited: program && !program.stopping ? (program.exit() ?? null) : null,
        startProblem,
        dir: folder,
        inputOpen: feeder?.opened ?? false,
        inputEnded: feeder?.ended ?? false,
        owed: feeder?.owed ?? 0,
        blockedMs: Math.round(feeder?.blockedMs ?? 0),
        refusals: input?.refusals ?? 0,
        rss,
        drained: false,
      };
      return { message };
    },
    stopInput() {
      feeder?.endInput();
    },
    async stop() {
      await feeder?.stop();
      opening.abort();
      await input?.close().catch(() => {});
      if (program && !program.exit()) shutdown = await program.shutdown(system.shutdownGrace);
      forget();
      if (system.workDir === undefined && folder !== '') removeTempFolder(folder);
    },
    final() {
      const due = feeder?.due() ?? 0;
      const taken = feeder?.taken ?? 0;
      return {
        message: {
          t: 'stopped',
          generated: taken,
          notTaken: { from: taken, to: due },
          shutdown,
          blockedMs: Math.round(feeder?.blockedMs ?? 0),
          refusals: input?.refusals ?? 0,
        },
      };
    },
    freeze() {
      program?.suspend();
    },
    thaw() {
      program?.resume();
    },
  };
});
