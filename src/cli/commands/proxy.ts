import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv } from 'yargs';
import { wallClock } from '../../engine/clock.js';
import { Random } from '../../engine/random.js';
import { ExitCode, InputError } from '../../errors.js';
import { createToxiproxyServer, parseBody } from '../../faults/api/server.js';
import { ToxiproxyApiError } from '../../faults/api/errors.js';
import { defineCommand } from '../command.js';

interface ProxyArgs {
  host: string;
  port: number;
  config?: string;
  seed?: number;
  'version-string'?: string;
  'proxy-metrics': boolean;
  'runtime-metrics': boolean;
}

export const proxyCommand = defineCommand<ProxyArgs>({
  command: 'proxy',
  describe: 'Run the Toxiproxy-compatible fault proxy on its own (real time) until interrupted',
  builder: (y: Argv) =>
    y
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address of the HTTP API' })
      .option('port', { type: 'number', default: 8474, describe: 'port of the HTTP API (0: any free port)' })
      .option('config', { type: 'string', describe: 'JSON file of proxies to create at start (a POST /populate body)' })
      .option('seed', { type: 'number', describe: 'seed for toxicity rolls, jitter and slicing (default: random)' })
      .option('version-string', {
        type: 'string',
        describe: 'what GET /version reports, for clients that check the server version (e.g. v2.12.0); default duress\'s version',
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
      }) as unknown as Argv<ProxyArgs>,
  run: async (args, io) => {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new InputError(`--port: expected 0..65535, got ${args.port}`);
    if (args.seed !== undefined && !Number.isSafeInteger(args.seed)) throw new InputError(`--seed: expected an integer, got ${String(args.seed)}`);
    const version = args['version-string'];
    // Served inside a JSON string without escaping, as Toxiproxy's Version handler does: keep it printable.
    if (version !== undefined && !/^[\x20\x21\x23-\x5b\x5d-\x7e]{1,100}$/.test(version)) {
      throw new InputError(`--version-string: expected 1 to 100 printable ASCII characters without " or \\, got ${JSON.stringify(version)}`);
    }
    const seed = args.seed ?? Date.now();
    const server = createToxiproxyServer({
      host: args.host,
      port: args.port,
      clock: wallClock,
      random: new Random(seed),
      version,
      metrics: { proxy: args['proxy-metrics'], runtime: args['runtime-metrics'] },
    });
    if (args.config !== undefined) {
      const file = path.resolve(io.cwd, args.config);
      let text: Buffer;
      try {
        text = await readFile(file);
      } catch (err) {
        throw new InputError(`--config: cannot read ${args.config}: ${(err as Error).message}`);
      }
      try {
        const outcome = await server.collection.populateJson(parseBody(text));
        if (outcome.error) throw new InputError(`--config ${args.config}: ${outcome.error.message}`);
        io.stderr.write(`populated ${outcome.proxies.length} prox${outcome.proxies.length === 1 ? 'y' : 'ies'} from ${args.config}\n`);
      } catch (err) {
        await server.stop();
        if (err instanceof ToxiproxyApiError && err.status === 400) throw new InputError(`--config ${args.config}: ${err.message}`);
        throw err;
      }
    }
    let url: string;
    try {
      ({ url } = await server.start());
    } catch (err) {
      await server.stop();
      throw new InputError(`cannot listen on ${args.host}:${args.port}: ${(err as Error).message}`);
    }
    io.stdout.write(`listening on ${url}\n`);
    await new Promise<void>((resolve) => {
      if (io.interrupted.aborted) resolve();
      else io.interrupted.addEventListener('abort', () => resolve(), { once: true });
    });
    await server.stop();
    return ExitCode.ok;
  },
});
