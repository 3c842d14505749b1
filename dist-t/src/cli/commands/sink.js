import { ExitCode, InputError } from '../../core/errors.js';
import { defineCommand } from '../command.js';
import { durationFlag, numberFlag, portFlag, rateFlag, sizeFlag } from '../flags.js';
export const sinkCommand = defineCommand({
    command: 'sink <kind>',
    describe: 'Run a mock sink on its own (real time) until interrupted: the CloudWatch Logs API',
    builder: (y) => y
        .positional('kind', { choices: ['cloudwatch'], describe: 'which sink', demandOption: true })
        .option('host', { type: 'string', requiresArg: true, default: '127.0.0.1', describe: 'address to listen on' })
        .option('port', { type: 'string', requiresArg: true, default: '0', coerce: portFlag(), describe: 'port to listen on (0: any free port)' })
        .option('sequence-tokens', {
        choices: ['enforced', 'ignored'],
        default: 'ignored',
        // --sequence-tokens / --no-sequence-tokens, the flag's earlier boolean form, still mean enforced / ignored.
        coerce: (v) => {
            const value = Array.isArray(v) ? v[v.length - 1] : v;
            if (value === true || value === 'true')
                return 'enforced';
            if (value === false || value === 'false')
                return 'ignored';
            if (value !== 'enforced' && value !== 'ignored')
                throw new InputError(`--sequence-tokens: expected enforced or ignored, got ${JSON.stringify(value)}`);
            return value;
        },
        describe: 'ignored: the service since 2023 (tokens accepted and ignored); enforced: the pre-2023 service (InvalidSequenceTokenException)',
    })
        .option('stream-rate', {
        type: 'string',
        requiresArg: true,
        coerce: rateFlag('stream-rate'),
        describe: 'PutLogEvents quota per stream, e.g. 5/s; 0 disables it (default: 5/s with enforced tokens, 0 with ignored)',
    })
        .option('stream-burst', {
        type: 'string',
        requiresArg: true,
        default: '5',
        coerce: numberFlag('stream-burst', { min: 0, max: 1_000_000, inclusive: true, example: '5' }),
        describe: 'token-bucket burst of the per-stream quota',
    })
        .option('max-event-size', {
        type: 'string',
        requiresArg: true,
        coerce: sizeFlag('max-event-size'),
        describe: 'largest log event, message bytes + 26 (default: 256KB with enforced tokens, 1MB with ignored)',
    })
        .option('idle-timeout', {
        type: 'string',
        requiresArg: true,
        default: '6s',
        coerce: durationFlag('idle-timeout'),
        describe: 'close idle keep-alive connections after this; 0 never',
    })
        .option('latency', { type: 'string', requiresArg: true, default: '0', coerce: durationFlag('latency'), describe: 'service time added to every answer, e.g. 50ms' })
        .option('tls', { type: 'boolean', default: false, describe: 'serve HTTPS with a certificate made at start (its CA: --ca-out, else printed)' })
        .option('ca-out', { type: 'string', requiresArg: true, describe: 'with --tls: write the CA certificate (PEM) to this file for the client' })
        .option('tls-name', { type: 'string', array: true, requiresArg: true, describe: 'with --tls: more DNS names for the certificate besides localhost, 127.0.0.1, ::1' })
        .option('keep-events', {
        type: 'string',
        requiresArg: true,
        default: '256MB',
        coerce: sizeFlag('keep-events'),
        describe: 'bytes of events kept for GetLogEvents / FilterLogEvents (oldest dropped first); 0 none',
    })
        .option('request-budget', {
        type: 'string',
        requiresArg: true,
        default: '64MB',
        coerce: sizeFlag('request-budget'),
        describe: 'request bytes held at once across all connections; requests beyond it wait',
    })
        .option('max-request', {
        type: 'string',
        requiresArg: true,
        default: '8MB',
        coerce: sizeFlag('max-request'),
        describe: 'larger request bodies are answered 413 RequestEntityTooLargeException',
    }),
    prepare: async (args) => {
        if (!args.tls && (args['ca-out'] !== undefined || args['tls-name'] !== undefined))
            throw new InputError('--ca-out and --tls-name need --tls');
        return args;
    },
    run: async (args, io) => {
        const [{ wallClock }, { createCloudWatchSink }, limits] = await Promise.all([
            import('../../core/clock.js'),
            import('../../sinks/cloudwatch/index.js'),
            import('../../sinks/cloudwatch/limits.js'),
        ]);
        const tokens = args['sequence-tokens'];
        const sink = createCloudWatchSink({
            kind: 'cloudwatch',
            host: args.host,
            port: args.port,
            sequenceTokens: tokens,
            streamRate: args['stream-rate'] ?? (tokens === 'enforced' ? limits.PRE_2023_STREAM_RATE : 0),
            streamBurst: args['stream-burst'],
            maxEventSize: args['max-event-size'] ?? limits.defaultMaxEventSize(tokens),
            idleTimeout: args['idle-timeout'],
            latency: args.latency,
            tls: args.tls,
            ...(args['ca-out'] === undefined ? {} : { caFile: args['ca-out'] }),
            ...(args['tls-name'] === undefined ? {} : { tlsNames: args['tls-name'] }),
            keepEvents: args['keep-events'],
            requestBudget: args['request-budget'],
            maxBodyBytes: args['max-request'],
        }, wallClock);
        const { url, ca } = await sink.start();
        io.stdout.write(`listening on ${url}\n`);
        if (ca !== undefined) {
            io.stdout.write(args['ca-out'] !== undefined ? `CA certificate written to ${args['ca-out']}\n` : `CA certificate (trust it in the client):\n${ca}`);
        }
        await new Promise((resolve) => {
            if (io.interrupted.aborted)
                resolve();
            else
                io.interrupted.addEventListener('abort', () => resolve(), { once: true });
        });
        await sink.stop();
        const c = sink.counters;
        io.stderr.write(`stopped: ${c.batchesStored} batches, ${c.eventsStored} events stored; ${c.connections.opened} connections\n`);
        return ExitCode.ok;
    },
});
//# sourceMappingURL=sink.js.map