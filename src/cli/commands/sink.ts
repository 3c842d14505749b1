import type { Argv } from 'yargs';
import { wallClock } from '../../engine/clock.js';
import { ExitCode, InputError } from '../../errors.js';
import { parseDuration, parseRate, UnitError } from '../../scenario/units.js';
import { createCloudWatchSink } from '../../sinks/cloudwatch/index.js';
import { defineCommand } from '../command.js';

interface SinkArgs {
  kind: 'cloudwatch';
  host: string;
  port: number;
  'stream-rate': string;
  'stream-burst': number;
  'idle-timeout': string;
  latency: string;
  'sequence-tokens': boolean;
}

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

function flagValue<T>(flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof UnitError) throw new InputError(`--${flag}: ${err.message}`);
    throw err;
  }
}

/** A duration flag; a bare `0` is accepted like in scenario files (the shell hands it over as a string). */
const durationFlag = (flag: string, value: string): number => flagValue(flag, () => parseDuration(value.trim() === '0' ? 0 : value));
/** A rate flag; a plain number is per second. */
const rateFlag = (flag: string, value: string): number => flagValue(flag, () => parseRate(PLAIN_NUMBER.test(value.trim()) ? Number(value) : value));

export const sinkCommand = defineCommand<SinkArgs>({
  command: 'sink <kind>',
  describe: 'Run a mock sink on its own (real time) until interrupted: the CloudWatch Logs API',
  builder: (y: Argv) =>
    y
      .positional('kind', { choices: ['cloudwatch'] as const, describe: 'which sink', demandOption: true })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on' })
      .option('port', { type: 'number', default: 0, describe: 'port to listen on (0: any free port)' })
      .option('stream-rate', { type: 'string', default: '5/s', describe: 'PutLogEvents quota per stream, e.g. 5/s; 0 disables throttling' })
      .option('stream-burst', { type: 'number', default: 5, describe: 'token-bucket burst of the per-stream quota' })
      .option('idle-timeout', { type: 'string', default: '6s', describe: 'close idle keep-alive connections after this; 0 never' })
      .option('latency', { type: 'string', default: '0', describe: 'service time added to every answer, e.g. 50ms' })
      .option('sequence-tokens', {
        type: 'boolean',
        default: true,
        describe: 'honour sequence tokens (pre-2023); --no-sequence-tokens ignores them as the service does now',
      }) as unknown as Argv<SinkArgs>,
  run: async (args, io) => {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new InputError(`--port: expected 0..65535, got ${args.port}`);
    if (!(args['stream-burst'] >= 0)) throw new InputError(`--stream-burst: expected a number >= 0, got ${args['stream-burst']}`);
    const sink = createCloudWatchSink(
      {
        kind: 'cloudwatch',
        host: args.host,
        port: args.port,
        streamRate: rateFlag('stream-rate', args['stream-rate']),
        streamBurst: args['stream-burst'],
        idleTimeout: durationFlag('idle-timeout', args['idle-timeout']),
        latency: durationFlag('latency', args.latency),
        sequenceTokens: args['sequence-tokens'],
      },
      wallClock,
    );
    const { url } = await sink.start();
    io.stdout.write(`listening on ${url}\n`);
    await new Promise<void>((resolve) => {
      if (io.interrupted.aborted) resolve();
      else io.interrupted.addEventListener('abort', () => resolve(), { once: true });
    });
    await sink.stop();
    const c = sink.counters;
    io.stderr.write(`stopped: ${c.batchesStored} batches, ${c.eventsStored} events stored; ${c.connections.opened} connections\n`);
    return ExitCode.ok;
  },
});
