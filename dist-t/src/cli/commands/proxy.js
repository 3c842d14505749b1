import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, InputError } from '../../core/errors.js';
import { defineCommand } from '../command.js';
import { pathFlag, portFlag, seedFlag } from '../flags.js';
// Served inside a JSON string without escaping, as Toxiproxy's Version handler does: keep it printable.
const PRINTABLE_VERSION = /^[\x20\x21\x23-\x5b\x5d-\x7e]{1,100}$/;
export const proxyCommand = defineCommand({
    command: 'proxy',
    describe: 'Run the Toxiproxy-compatible fault proxy on its own (real time) until interrupted',
    builder: (y) => y
        .option('host', { type: 'string', requiresArg: true, default: '127.0.0.1', describe: 'address of the HTTP API' })
        .option('port', { type: 'string', requiresArg: true, default: '8474', coerce: portFlag(), describe: 'port of the HTTP API (0: any free port)' })
        .option('config', { type: 'string', requiresArg: true, coerce: pathFlag('config'), describe: 'JSON file of proxies to create at start (a POST /populate body)' })
        .option('seed', { type: 'string', requiresArg: true, coerce: seedFlag(), describe: 'seed for toxicity rolls, jitter and slicing (default: random)' })
        .option('version-string', {
        type: 'string',
        requiresArg: true,
        coerce: (v) => {
            const value = Array.isArray(v) ? v[v.length - 1] : v;
            if (typeof value !== 'string' || !PRINTABLE_VERSION.test(value)) {
                throw new InputError(`--version-string: expected 1 to 100 printable ASCII characters without " or \\, got ${JSON.stringify(value)}`);
            }
            return value;
        },
        describe: "what GET /version reports, for clients that check the server version (e.g. v2.12.0); default duress's version",
    })
        .option('proxy-metrics', {
        type: 'boolean',
        default: false,
        describe: 'serve GET /metrics with toxiproxy_proxy_{received,sent}_bytes_total, as toxiproxy-server -proxy-metrics',
    })
        .option('runtime-metrics', {
        type: 'boolean',
        default: false,
        describe: 'serve process and Node runtime metrics on GET /metrics, as toxiproxy-server -runtime-metrics',
    }),
    prepare: async (args, io) => {
        let config;
        if (args.config !== undefined) {
            const { parseBody } = await import('../../faults/api/server.js');
            const { ToxiproxyApiError } = await import('../../faults/api/errors.js');
            let text;
            try {
                text = await readFile(path.resolve(io.cwd, args.config));
            }
            catch (err) {
                throw new InputError(`--config: cannot read ${args.config}: ${err.message}`);
            }
            try {
                config = { name: args.config, body: parseBody(text) };
            }
            catch (err) {
                if (err instanceof ToxiproxyApiError)
                    throw new InputError(`--config ${args.config}: bad JSON: ${err.message}`);
                throw err;
            }
        }
        return {
            host: args.host,
            port: args.port,
            seed: args.seed ?? Date.now(),
            version: args['version-string'],
            metrics: { proxy: args['proxy-metrics'], runtime: args['runtime-metrics'] },
            config,
        };
    },
    run: async (plan, io) => {
        const [{ wallClock }, { Random }, { createToxiproxyServer }, { ToxiproxyApiError }] = await Promise.all([
            import('../../core/clock.js'),
            import('../../core/random.js'),
            import('../../faults/api/server.js'),
            import('../../faults/api/errors.js'),
        ]);
        const server = createToxiproxyServer({
            host: plan.host,
            port: plan.port,
            clock: wallClock,
            random: new Random(plan.seed),
            version: plan.version,
            metrics: plan.metrics,
        });
        if (plan.config !== undefined) {
            const { name, body } = plan.config;
            try {
                const outcome = await server.collection.populateJson(body);
                if (outcome.error)
                    throw new InputError(`--config ${name}: ${outcome.error.message}`);
                io.stderr.write(`populated ${outcome.proxies.length} prox${outcome.proxies.length === 1 ? 'y' : 'ies'} from ${name}\n`);
            }
            catch (err) {
                await server.stop();
                if (err instanceof ToxiproxyApiError && err.status === 400)
                    throw new InputError(`--config ${name}: ${err.message}`);
                throw err;
            }
        }
        let url;
        try {
            ({ url } = await server.start());
        }
        catch (err) {
            await server.stop();
            throw new InputError(`cannot listen on ${plan.host}:${plan.port}: ${err.message}`);
        }
        io.stdout.write(`listening on ${url}\n`);
        await new Promise((resolve) => {
            if (io.interrupted.aborted)
                resolve();
            else
                io.interrupted.addEventListener('abort', () => resolve(), { once: true });
        });
        await server.stop();
        return ExitCode.ok;
    },
});
//# sourceMappingURL=proxy.js.map