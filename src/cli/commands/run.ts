import path from 'node:path';
import type { Argv } from 'yargs';
import type { LoadedScenario } from '../../api/scenario.js';
import type { RunProgress } from '../../engine/run.js';
import { InputError } from '../../core/errors.js';
import { formatDuration } from '../../core/units.js';
import { formatCount, formatMs } from '../../report/format.js';
import { MAX_INSTANCES } from '../../core/limits.js';
import { defineCommand } from '../command.js';
import { durationFlag, integerFlag, pathFlag, portFlag, resolveShard, seedFlag, shardCountFlag, shardFlag } from '../flags.js';
import type { Shard } from '../../core/shard.js';
import { type CliIO, reportOutput } from '../io.js';
import { checkWritableDir, createDir } from '../../report/output-dir.js';
import { parseSetOptions, setOption } from '../set-option.js';

interface RunArgs {
  file: string;
  duration?: number;
  instances?: number;
  seed?: number;
  out?: string;
  set?: string[];
  only?: string[];
  toxiproxy?: string;
  'metrics-port'?: number;
  shard?: Shard;
  'shard-count'?: number;
}

interface RunPlan {
  /** The scenario, its cells and its capacity warnings. */
  loaded: LoadedScenario;
  dir: string;
  toxiproxyUrl: string | undefined;
  /** Port to serve the run's Prometheus metrics on (127.0.0.1; 0: any free port), if asked. */
  metricsPort: number | undefined;
  /** This process's share of the run, when it is one of several shards. */
  shard: Shard | undefined;
}

/** `--toxiproxy URL` (or TOXIPROXY_URL): an http(s) URL. */
function toxiproxyUrl(flag: string, value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InputError(`${flag}: expected the URL of a Toxiproxy server such as http://127.0.0.1:8474, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const runCommand = defineCommand<RunArgs, RunPlan>({
  command: 'run <file>',
  describe: 'Run a scenario: load, faults, failures and an exact account of every record',
  builder: (y: Argv) =>
    y
      .positional('file', { type: 'string', describe: 'scenario file (YAML)', demandOption: true })
      .option('duration', {
        type: 'string',
        requiresArg: true,
        coerce: durationFlag('duration', { positive: true }),
        describe: 'override the scenario duration (scenario time), e.g. 30s',
      })
      .option('instances', {
        type: 'string',
        requiresArg: true,
        coerce: integerFlag('instances', { min: 1, max: MAX_INSTANCES }),
        describe: "set every cell's number of instances (a matrix value's own count included)",
      })
      .option('seed', { type: 'string', requiresArg: true, coerce: seedFlag(), describe: 'override the seed' })
      .option('out', { type: 'string', requiresArg: true, coerce: pathFlag('out'), describe: 'folder for the journal, results and reports (default reports/<name>-<time>)' })
      .option('set', setOption)
      .option('only', { type: 'string', array: true, requiresArg: true, describe: 'run only the cells with this matrix value, e.g. --only variant=patch' })
      .option('toxiproxy', {
        type: 'string',
        requiresArg: true,
        coerce: (value: unknown) => toxiproxyUrl('--toxiproxy', String(Array.isArray(value) ? value[value.length - 1] : value)),
        describe: 'drive faults through this Toxiproxy server instead of the embedded one (or TOXIPROXY_URL)',
      })
      .option('metrics-port', {
        type: 'string',
        requiresArg: true,
        coerce: portFlag('metrics-port'),
        describe: 'serve the run\'s metrics (exposure, failures, delivered, in flight, delivery latency histogram) in Prometheus format on 127.0.0.1:PORT/metrics while it runs (0: any free port; the URL is printed on stderr)',
      })
      .option('shard', {
        type: 'string',
        requiresArg: true,
        coerce: shardFlag(),
        describe: 'run shard I of N (I from 1), e.g. 2/4: a share of every cell\'s instance slots with the whole fault timeline; `duress merge` folds the shards (or DURESS_SHARD=I/N)',
      })
      .option('shard-count', {
        type: 'string',
        requiresArg: true,
        coerce: shardCountFlag(),
        describe: 'run one of N shards, the one a Kubernetes Indexed Job gives this pod: shard JOB_COMPLETION_INDEX + 1 of N',
      }) as unknown as Argv<RunArgs>,
  prepare: async (args, io) => {
    // Flags first, then what they name: the output folder before the scenario is read.
    const overrides = parseSetOptions(args.set);
    const shard = resolveShard({ shard: args.shard, shardCount: args['shard-count'] }, io.env);
    const url = args.toxiproxy ?? (io.env.TOXIPROXY_URL ? toxiproxyUrl('TOXIPROXY_URL', io.env.TOXIPROXY_URL) : undefined);
    const outDir = args.out !== undefined ? path.resolve(io.cwd, args.out) : undefined;
    if (outDir !== undefined) checkWritableDir(outDir, `--out ${args.out}`);
    const [{ loadScenario }, { parseOnly }, { defaultRunDir }] = await Promise.all([
      import('../../api/scenario.js'),
      import('../../scenario/matrix.js'),
      import('../../report/output-dir.js'),
    ]);
    const only = parseOnly(args.only);
    if (args.duration !== undefined) overrides.push({ path: 'duration', value: formatDuration(args.duration), flag: '--duration' });
    if (args.instances !== undefined) overrides.push({ path: 'instances', value: String(args.instances), flag: '--instances' });
    if (args.seed !== undefined) overrides.push({ path: 'seed', value: String(args.seed), flag: '--seed' });
    const loaded = await loadScenario(path.resolve(io.cwd, args.file), { overrides, only, name: args.file });
    const dir = outDir ?? defaultRunDir(io.cwd, loaded.scenario.name, new Date());
    if (outDir === undefined) checkWritableDir(dir, `the run folder ${path.relative(io.cwd, dir)}`);
    return { loaded, dir, toxiproxyUrl: url, metricsPort: args['metrics-port'], shard };
  },
  run: async (plan, io) => {
    for (const warning of plan.loaded.warnings) io.stderr.write(`duress: warning: ${warning}\n`);
    if (plan.shard) io.stderr.write(`duress: ${await shardLine(plan.loaded, plan.shard)}\n`);
    const { runScenario } = await import('../../api/run.js');
    const metrics = plan.metricsPort === undefined ? undefined : await startRunMetrics(plan.metricsPort, io);
    const shownDir = `${path.relative(io.cwd, plan.dir) || '.'}`;
    createDir(plan.dir, `the run folder ${shownDir}`);
    const progress = progressReporter(io);
    const warned = new Set<string>();
    try {
      const outcome = await runScenario(plan.loaded, {
        out: plan.dir,
        signal: io.interrupted,
        toxiproxyUrl: plan.toxiproxyUrl,
        ...(plan.shard ? { shard: plan.shard } : {}),
        // The terminal summary comes once the progress display is cleared.
        reports: {
          ...reportOutput(io),
          terminal: {
            write: (text: string) => {
              progress.done();
              io.stdout.write(text);
            },
          },
        },
        onProgress: (p) => {
          progress.update(p);
          metrics?.feed(p);
        },
        // duress's own trouble, as it happens: the first of each kind once (every one is in the reports).
        onHarness: (e) => {
          if (warned.has(e.kind)) return;
          warned.add(e.kind);
          io.stderr.write(`warning: harness ${e.kind}${e.cell === undefined ? '' : ` (cell ${e.cell})`}: ${e.detail}; further ones are listed in the reports\n`);
        },
      });
      io.stdout.write(`reports: ${shownDir}${path.sep}\n`);
      return outcome.exitCode;
    } catch (err) {
      progress.done();
      // A cell that could not start ends the run (exit 3), but what the other cells ran is still reported.
      const { CellStartError } = await import('../../engine/cell-start-error.js');
      if (err instanceof CellStartError) io.stdout.write(`reports: ${shownDir}${path.sep}\n`);
      throw err;
    } finally {
      await metrics?.stop();
    }
  },
});

/** `shard 2 of 4: 3 of 12 instance slots (variant=a: slot 1; variant=b: slots 0, 2)`, for the log of a CI job or a pod. */
async function shardLine(loaded: LoadedScenario, shard: Shard): Promise<string> {
  const { dealSlots } = await import('../../core/shard.js');
  const shares = dealSlots(loaded.cells.map((c) => c.scenario.instances), shard);
  const mine = shares.reduce((n, s) => n + s.length, 0);
  const all = loaded.cells.reduce((n, c) => n + c.scenario.instances, 0);
  const cells = loaded.cells.flatMap((c, i) => (shares[i]!.length > 0 ? [`${c.name}: slot${shares[i]!.length === 1 ? '' : 's'} ${shares[i]!.join(', ')}`] : []));
  return `shard ${shard.index} of ${shard.count}: ${mine} of ${all} instance slots${cells.length > 0 ? ` (${cells.join('; ')})` : ''}; merge the shards' folders with duress merge`;
}

/**
 * The run's metrics on their own loopback HTTP server (the embedded Toxiproxy API is on a random port), fed
 * from the run's progress. A port that cannot be had is bad input (exit 2), before the run starts.
 */
async function startRunMetrics(port: number, io: CliIO): Promise<{ feed: (p: RunProgress) => void; stop: () => Promise<void> }> {
  const { createRunMetrics, progressFeeder, serveMetrics } = await import('../../api/run-metrics.js');
  const metrics = createRunMetrics();
  let served;
  try {
    served = await serveMetrics(metrics.registry, { host: '127.0.0.1', port });
  } catch (err) {
    throw new InputError(`--metrics-port ${port}: cannot listen on 127.0.0.1:${port}: ${(err as Error).message}`);
  }
  io.stderr.write(`duress: metrics at ${served.url}\n`);
  return { feed: progressFeeder(metrics), stop: served.stop };
}

/** A live display on a terminal; a plain line every 10 s otherwise (CI logs). Always on stderr. */
function progressReporter(io: CliIO): { update: (p: RunProgress) => void; done: () => void } {
  const tty = Boolean(io.stderr.isTTY);
  let lastPlain = Number.NEGATIVE_INFINITY;
  let drawn = 0;
  return {
    update: (p) => {
      const lines = p.cells.map(
        (c) =>
          `${c.name.padEnd(28)} ${c.phase.padEnd(5)} ${formatMs(c.at).padStart(9)} of ${formatMs(c.duration).padEnd(8)} ` +
          `${c.instances} inst  exposure ${c.exposureHours.toFixed(2)} h  failures ${c.failures}  delivered ${formatCount(c.delivered)}/${formatCount(c.generated)}`,
      );
      if (tty) {
        io.stderr.write(`${drawn > 0 ? `\x1b[${drawn}F` : ''}${lines.map((l) => `\x1b[2K${l}`).join('\n')}\n`);
        drawn = lines.length;
      } else if (p.wallMs - lastPlain >= 10_000) {
        lastPlain = p.wallMs;
        io.stderr.write(`[${formatMs(p.wallMs)} wall] ${lines.join(' | ')}\n`);
      }
    },
    /** Clears the live display; again, it does nothing. */
    done: () => {
      if (drawn > 0) io.stderr.write(`\x1b[${drawn}F\x1b[J`);
      drawn = 0;
    },
  };
}
