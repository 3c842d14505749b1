import yargs from 'yargs';
import { DuressError, ExitCode, InputError } from '../errors.js';
import { commands } from './commands/index.js';
import { processIO, type CliIO } from './io.js';

/**
 * Runs the CLI in-process and resolves with the exit code. Tests call this with their own IO;
 * `main` below is the only place that touches the real process exit code.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let code: number = ExitCode.ok;
  let failure: unknown;
  const parser = yargs(argv)
    .scriptName('duress')
    .usage('$0 <command> [options]')
    .strict()
    .demandCommand(1, 'Name a command: duress --help lists them.')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, (io.stdout as { columns?: number }).columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      failure = err ?? new InputError(msg ?? 'invalid command line');
    });
  for (const cmd of commands) {
    parser.command({
      command: cmd.command,
      describe: cmd.describe,
      builder: cmd.builder,
      handler: async (args) => {
        code = await cmd.run(args, io);
      },
    });
  }
  try {
    await parser.parseAsync();
  } catch (err) {
    failure = err;
  }
  if (failure !== undefined) return reportFailure(failure, io);
  return code;
}

function reportFailure(err: unknown, io: CliIO): number {
  if (err instanceof DuressError) {
    io.stderr.write(`duress: ${err.message}\n`);
    if (err.hint) io.stderr.write(`hint: ${err.hint}\n`);
    return err.exitCode;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(`duress: internal error: ${e.stack ?? e.message}\n`);
  io.stderr.write('This is a bug in duress; please report it with the command line and scenario.\n');
  return ExitCode.internal;
}

/** The process entry: wires signals to an AbortSignal and sets the exit code, once. */
export async function main(argv: string[]): Promise<void> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      // A second Ctrl-C means "now": the first already asked every run to write what it has.
      process.stderr.write(`duress: second ${signal}, exiting without waiting\n`);
      process.exit(ExitCode.interrupted);
    }
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const code = await runCli(argv, processIO(controller.signal));
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.exitCode = code;
}
