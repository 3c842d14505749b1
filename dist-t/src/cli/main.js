import yargs from 'yargs';
import { DuressError, ExitCode, InputError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { commands } from './commands/index.js';
import { processIO } from './io.js';
/**
 * Runs the CLI in-process and resolves with the exit code. Tests call this with their own IO;
 * `main` below is the only place that touches the real process exit code.
 *
 * yargs only parses and checks: its command handlers merely note which command was chosen, and the
 * parse is synchronous, so every check yargs makes (unknown flags in strict mode, choices, missing
 * arguments, the flags' `coerce` checkers) has passed or failed before any command starts. Then the
 * command's `prepare` checks the rest without side effects, and only then does `run` act.
 */
export async function runCli(argv, io) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let chosen;
    const parser = yargs(argv)
        // Flags keep the one spelling they are declared with: no camelCase twins in arguments and messages.
        .parserConfiguration({ 'camel-case-expansion': false })
        .scriptName('duress')
        .usage('$0 <command> [options]')
        .strict()
        .demandCommand(1, 'Name a command: duress --help lists them.')
        .recommendCommands()
        .help()
        .alias('h', 'help')
        // duress's own version: yargs would otherwise guess from the nearest package.json of the working folder,
        // which, in a project that installed duress, is that project's.
        .version(VERSION)
        .wrap(Math.min(110, io.stdout.columns ?? 100))
        .exitProcess(false)
        .fail((msg, err) => {
        // Thrown out of parse(): yargs stops there and no handler runs.
        if (err instanceof DuressError)
            throw err;
        throw new InputError(parseFailureMessage(msg ?? err?.message ?? 'invalid command line', argv));
    });
    for (const command of commands) {
        parser.command({
            command: command.command,
            describe: command.describe,
            builder: command.builder,
            handler: (args) => {
                chosen = { command, args };
            },
        });
    }
    try {
        parser.parse();
        // --help and --version print and choose no command.
        if (chosen === undefined)
            return ExitCode.ok;
        const prepared = await chosen.command.prepare(chosen.args, io);
        return await chosen.command.run(prepared, io);
    }
    catch (err) {
        return reportFailure(err, io);
    }
}
/**
 * yargs's messages, on one line; "Did you mean run?" says which word was not a command, and a missing
 * argument says which command wanted what.
 */
function parseFailureMessage(msg, argv) {
    const line = msg.replace(/\s*\n\s*/g, ' ').trim();
    const word = argv.find((a) => !a.startsWith('-'));
    if (/^Did you mean /.test(line))
        return `unknown command ${JSON.stringify(word ?? '')}. ${line}`;
    const command = commands.find((c) => commandName(c) === word);
    if (command !== undefined && /^Not enough non-option arguments/.test(line)) {
        const usage = [command.command].flat()[0] ?? '';
        return `${word} is missing an argument: duress ${usage} (duress ${word} --help says more)`;
    }
    return line;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function commandName(command) {
    return [command.command].flat()[0]?.split(' ')[0];
}
/** One line for a DuressError (its hint on the same line); a scenario's several problems keep a line each. */
function reportFailure(err, io) {
    if (err instanceof DuressError) {
        io.stderr.write(`duress: ${err.message}${err.hint ? ` (hint: ${err.hint})` : ''}\n`);
        return err.exitCode;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    io.stderr.write(`duress: internal error: ${e.stack ?? e.message}\n`);
    io.stderr.write('This is a bug in duress; please report it with the command line and scenario.\n');
    return ExitCode.internal;
}
/** 128 + the signal's number, for a second signal that ends the process at once. */
const SIGNAL_EXIT = { SIGINT: ExitCode.interrupted, SIGTERM: ExitCode.terminated };
/** The process entry: wires signals to an AbortSignal and sets the exit code, once. */
export async function main(argv) {
    const controller = new AbortController();
    let signals = 0;
    const onSignal = (signal) => {
        signals += 1;
        if (signals > 1) {
            // A second signal means "now": the first already asked every run to write what it has.
            process.stderr.write(`duress: second ${signal}, exiting without waiting\n`);
            process.exit(SIGNAL_EXIT[signal] ?? ExitCode.interrupted);
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
//# sourceMappingURL=main.js.map