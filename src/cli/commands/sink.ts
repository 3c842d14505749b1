import type { Argv } from 'yargs';
import { ExitCode } from '../../errors.js';
import { defineCommand } from '../command.js';
import { durationFlag, numberFlag, portFlag, rateFlag } from '../flags.js';

interface SinkArgs {
  kind: 'cloudwatch';
  host: string;
  port: number;
  'stream-rate': number;
  'stream-burst': number;
  'idle-timeout': number;
  latency: number;
  'sequence-tokens': boolean;
}

export const sinkCommand = defineCommand<SinkArgs, SinkArgs>({
  command: 'sink <kind>',
  describe: 'Run a mock sink on its own (real time) until interrupted: the CloudWatch Logs API',
  builder: (y: Argv) =>
    y
      .positional('kind', { choices: ['cloudwatch'] as const, describe: 'which sink', demandOption: true })
      .option('host', { type: 'string', requiresArg: true, default: '127.0.0.1', describe: 'address to listen on' })
      .option('port', { type: 'string', requiresArg: true, default: '0', coerce: portFlag(), describe: 'port to listen on (0: any free port)' })
      .option('stream-rate', {
        type: 'string',
        requiresArg: true,
        default: '5/s',
        coerce: rateFlag('stream-rate'),
        describe: 'PutLogEvents quota per stream, e.g. 5/s; 0 disables throttling',
      })
      .option('stream-burst', {
        type: 'string',
        requiresArg: true,
        default: '5',
        coerce: numberFlag('stream-burst', { min: 0, max: 1_000_000, inclusive: true, example: '5' }),
        describe: 'token-bucket burst of the per-stream quota',
      })
      .option('idle-timeout', {
        type: 'string',
        requiresArg: true,
        default: '6s',
        coerce: durationFlag('idle-timeout'),
        describe: 'close idle keep-alive connections after this; 0 never',
      })
      .option('latency', { type: 'string', requiresArg: true, default: '0', coerce: durationFlag('latency'), describe: 'service time added to every answer, e.g. 50ms' })
      .option('sequence-tokens', {
        type: 'boolean',
        default: true,
        describe: 'honour sequence tokens (pre-2023); --no-sequence-tokens ignores them as the service does now',
      }) as unknown as Argv<SinkArgs>,
  // Every flag is checked while parsing; nothing is left to check here.
  prepare: async (args) => args,
  run: async (args, io) => {
    const [{ wallClock }, { createCloudWatchSink }] = await Promise.all([import('../../engine/clock.js'), import('../../sinks/cloudwatch/index.js')]);
    const sink = createCloudWatchSink(
      {
        kind: 'cloudwatch',
        host: args.host,
        port: args.port,
        streamRate: args['stream-rate'],
        streamBurst: args['stream-burst'],
        idleTimeout: args['idle-timeout'],
        latency: args.latency,
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
