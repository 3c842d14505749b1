import type { Argv } from 'yargs';
import { wallClock } from '../../engine/clock.js';
import { ExitCode, InputError } from '../../errors.js';
import { parseDuration, parseRate, parseSize, UnitError } from '../../scenario/units.js';
import { createCloudWatchSink } from '../../sinks/cloudwatch/index.js';
import { defaultMaxEventSize, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_REQUEST_BUDGET, PRE_2023_STREAM_RATE } from '../../sinks/cloudwatch/limits.js';
import { defineCommand } from '../command.js';

interface SinkArgs {
  kind: 'cloudwatch';
  host: string;
  port: number;
  'sequence-tokens': 'enforced' | 'ignored';
  'stream-rate': string | undefined;
  'stream-burst': number;
  'max-event-size': string | undefined;
  'idle-timeout': string;
  latency: string;
  tls: boolean;
  'ca-out': string | undefined;
  'tls-name': string[] | undefined;
  'keep-events': string;
  'request-budget': string;
  'max-request': string;
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
/** A size flag; a plain number is bytes. */
const sizeFlag = (flag: string, value: string): number => flagValue(flag, () => parseSize(/^\d+$/.test(value.trim()) ? Number(value) : value));

export const sinkCommand = defineCommand<SinkArgs>({
  command: 'sink <kind>',
  describe: 'Run a mock sink on its own (real time) until interrupted: the CloudWatch Logs API',
  builder: (y: Argv) =>
    y
      .positional('kind', { choices: ['cloudwatch'] as const, describe: 'which sink', demandOption: true })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on' })
      .option('port', { type: 'number', default: 0, describe: 'port to listen on (0: any free port)' })
      .option('sequence-tokens', {
        choices: ['enforced', 'ignored'] as const,
        default: 'ignored' as const,
        // --sequence-tokens / --no-sequence-tokens, the flag's earlier boolean form, still mean enforced / ignored.
        coerce: (v: unknown) => (v === true ? 'enforced' : v === false ? 'ignored' : v),
        describe: 'ignored: the service since 2023 (tokens accepted and ignored); enforced: the pre-2023 service (InvalidSequenceTokenException)',
      })
      .option('stream-rate', {
        type: 'string',
        describe: `PutLogEvents quota per stream, e.g. 5/s; 0 disables it (default: ${PRE_2023_STREAM_RATE}/s with enforced tokens, 0 with ignored)`,
      })
      .option('stream-burst', { type: 'number', default: 5, describe: 'token-bucket burst of the per-stream quota' })
      .option('max-event-size', { type: 'string', describe: 'largest log event, message bytes + 26 (default: 256KB with enforced tokens, 1MB with ignored)' })
      .option('idle-timeout', { type: 'string', default: '6s', describe: 'close idle keep-alive connections after this; 0 never' })
      .option('latency', { type: 'string', default: '0', describe: 'service time added to every answer, e.g. 50ms' })
      .option('tls', { type: 'boolean', default: false, describe: 'serve HTTPS with a certificate made at start (its CA: --ca-out, else printed)' })
      .option('ca-out', { type: 'string', describe: 'with --tls: write the CA certificate (PEM) to this file for the client' })
      .option('tls-name', { type: 'string', array: true, describe: 'with --tls: more DNS names for the certificate besides localhost, 127.0.0.1, ::1' })
      .option('keep-events', { type: 'string', default: '256MB', describe: 'bytes of events kept for GetLogEvents / FilterLogEvents (oldest dropped first); 0 none' })
      .option('request-budget', {
        type: 'string',
        default: String(DEFAULT_REQUEST_BUDGET),
        describe: 'request bytes held at once across all connections; requests beyond it wait',
      })
      .option('max-request', {
        type: 'string',
        default: String(DEFAULT_MAX_REQUEST_BYTES),
        describe: 'larger request bodies are answered 413 RequestEntityTooLargeException',
      }) as unknown as Argv<SinkArgs>,
  run: async (args, io) => {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new InputError(`--port: expected 0..65535, got ${args.port}`);
    if (!(args['stream-burst'] >= 0)) throw new InputError(`--stream-burst: expected a number >= 0, got ${args['stream-burst']}`);
    if (!args.tls && (args['ca-out'] !== undefined || args['tls-name'] !== undefined)) throw new InputError('--ca-out and --tls-name need --tls');
    const tokens = args['sequence-tokens'];
    if (tokens !== 'enforced' && tokens !== 'ignored') throw new InputError(`--sequence-tokens: expected enforced or ignored, got ${JSON.stringify(tokens)}`);
    const sink = createCloudWatchSink(
      {
        kind: 'cloudwatch',
        host: args.host,
        port: args.port,
        sequenceTokens: tokens,
        streamRate: args['stream-rate'] === undefined ? (tokens === 'enforced' ? PRE_2023_STREAM_RATE : 0) : rateFlag('stream-rate', args['stream-rate']),
        streamBurst: args['stream-burst'],
        maxEventSize: args['max-event-size'] === undefined ? defaultMaxEventSize(tokens) : sizeFlag('max-event-size', args['max-event-size']),
        idleTimeout: durationFlag('idle-timeout', args['idle-timeout']),
        latency: durationFlag('latency', args.latency),
        tls: args.tls,
        ...(args['ca-out'] === undefined ? {} : { caFile: args['ca-out'] }),
        ...(args['tls-name'] === undefined ? {} : { tlsNames: args['tls-name'] }),
        keepEvents: sizeFlag('keep-events', args['keep-events']),
        requestBudget: sizeFlag('request-budget', args['request-budget']),
        maxBodyBytes: sizeFlag('max-request', args['max-request']),
      },
      wallClock,
    );
    const { url, ca } = await sink.start();
    io.stdout.write(`listening on ${url}\n`);
    if (ca !== undefined) {
      io.stdout.write(args['ca-out'] !== undefined ? `CA certificate written to ${args['ca-out']}\n` : `CA certificate (trust it in the client):\n${ca}`);
    }
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
