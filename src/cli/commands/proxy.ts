import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv } from 'yargs';
import { wallClock } from '../../engine/clock.js';
import { Random } from '../../engine/random.js';
import { ExitCode, InputError } from '../../errors.js';
import { createToxiproxyServer } from '../../faults/api/server.js';
import { GoJsonError, parseGoJson } from '../../faults/go-json.js';
import { defineCommand } from '../command.js';

interface ProxyArgs {
  host: string;
  port: number;
  config?: string;
  seed?: number;
  'version-string'?: string;
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
      }) as unknown as Argv<ProxyArgs>,
  run: async (args, io) => {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new InputError(`--port: expected 0..65535, got ${args.port}`);
    const seed = args.seed ?? Date.now();
    const server = createToxiproxyServer({ host: args.host, port: args.port, clock: wallClock, random: new Random(seed), version: args['version-string'] });
    if (args.config !== undefined) {
      const file = path.resolve(io.cwd, args.config);
      let text: Buffer;
      try {
        text = await readFile(file);
      } catch (err) {
        throw new InputError(`--config: cannot read ${args.config}: ${(err as Error).message}`);
      }
      try {
        const outcome = await server.collection.populateJson(parseGoJson(text));
        if (outcome.error) throw new InputError(`--config ${args.config}: ${outcome.error.message}`);
        io.stderr.write(`populated ${outcome.proxies.length} prox${outcome.proxies.length === 1 ? 'y' : 'ies'} from ${args.config}\n`);
      } catch (err) {
        await server.stop();
        if (err instanceof GoJsonError) throw new InputError(`--config ${args.config}: bad JSON: ${err.message}`);
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
