import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv } from 'yargs';
import { ExitCode, InputError, signalExitCode } from '../../core/errors.js';
import type { ToxicInput } from '../../faults/toxic-collection.js';
import type { HttpRequestSpec, LoadOptions, LoadProgress } from '../../systems/http/load-options.js';
import type { Threshold } from '../../stats/thresholds-parser.js';
import { defineCommand } from '../command.js';
import { durationFlag, integerFlag, rateFlag } from '../flags.js';
import type { CliIO } from '../io.js';
import { parseRampFlag, type RampFlag } from '../ramp-flag.js';

interface LoadArgs {
  url: string;
  rate?: number;
  ramp?: RampFlag;
  connections: number;
  duration?: number;
  method: string;
  header?: string[];
  body?: string;
  pipelining: number;
  workers: number;
  fault?: string[];
  threshold?: string[];
  json: boolean;
  insecure: boolean;
  ca?: string;
}

interface LoadPlan {
  target: URL;
  options: Omit<LoadOptions, 'origin'>;
  faults: ToxicInput[];
  thresholds: Threshold[];
  json: boolean;
}

/** The metrics a threshold of `duress load` can name: latency (corrected in the open model) and throughput. */
const LOAD_METRICS = ['p50', 'p90', 'p99', 'p99.9', 'max', 'mean', 'throughput'] as const;
const METHOD = /^[A-Za-z]+$/;
/** How long a load without --duration (or --ramp) lasts. */
const DEFAULT_DURATION_MS = 10_000;
/** An HTTP header: a token name, a colon, a value without line breaks. */
const HEADER = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([^\r\n]*)$/;

const list = (value: unknown): string[] => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String));

export const loadCommand = defineCommand<LoadArgs, LoadPlan>({
  command: 'load <url>',
  describe: 'Load an HTTP target: open model at --rate (latency corrected for coordinated omission) or closed model of --connections',
  builder: (y: Argv) =>
    y
      .positional('url', { type: 'string', describe: 'the target, http://host:port/path', demandOption: true })
      .option('rate', { type: 'string', requiresArg: true, coerce: rateFlag('rate'), describe: 'open model: requests per second, e.g. 2000/s (absent: closed model)' })
      .option('ramp', {
        type: 'string',
        requiresArg: true,
        coerce: (v: unknown) => parseRampFlag(String(Array.isArray(v) ? v[v.length - 1] : v)),
        describe: 'open model with a ramping rate (k6 ramping-arrival-rate): 0-2000/s:30s, or stages 100/s,2000/s:30s,0/s:10s; the run lasts the stages',
      })
      .option('connections', {
        type: 'string',
        requiresArg: true,
        default: '10',
        coerce: integerFlag('connections', { min: 1, max: 10_000 }),
        describe: 'TCP connections in total',
      })
      .option('duration', { type: 'string', requiresArg: true, coerce: durationFlag('duration', { positive: true }), describe: 'how long to load, e.g. 30s (default 10s; with --ramp, the stages)' })
      .option('method', { type: 'string', requiresArg: true, default: 'GET', describe: 'HTTP method' })
      .option('header', { type: 'string', array: true, requiresArg: true, describe: "a request header 'name: value' (repeatable)" })
      .option('body', { type: 'string', requiresArg: true, describe: 'request body: the text, or @file for a file' })
      .option('pipelining', {
        type: 'string',
        requiresArg: true,
        default: '1',
        coerce: integerFlag('pipelining', { min: 1, max: 1000 }),
        describe: 'requests in flight per connection (HTTP/1.1 pipelining)',
      })
      .option('workers', {
        type: 'string',
        requiresArg: true,
        default: '1',
        coerce: integerFlag('workers', { min: 1, max: 64 }),
        describe: 'worker threads generating the load, each with a share of the rate and connections',
      })
      .option('fault', {
        type: 'string',
        array: true,
        requiresArg: true,
        describe: "a toxic on the route to the target through the embedded fault proxy, e.g. 'latency 100ms' (repeatable)",
      })
      .option('threshold', {
        type: 'string',
        array: true,
        requiresArg: true,
        describe: `a pass/fail condition, e.g. 'p99 < 200ms' (${LOAD_METRICS.join(', ')}); a failed one exits 1`,
      })
      .option('insecure', { type: 'boolean', default: false, describe: 'https: accept any certificate (a self-signed test server)' })
      .option('ca', { type: 'string', requiresArg: true, describe: "https: a file of CA certificates (PEM) the target's certificate must chain to" })
      .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON instead of tables' }) as unknown as Argv<LoadArgs>,
  prepare: async (args, io) => {
    const target = parseTarget(args.url);
    if (args.ramp !== undefined && args.rate !== undefined) throw new InputError('--ramp and --rate: give one (--rate is a constant rate, --ramp a ramping one)');
    if (args.ramp !== undefined && args.duration !== undefined) throw new InputError('--ramp and --duration: give one (a ramp lasts as long as its stages)');
    if (args.rate === 0) throw new InputError('--rate: expected a rate above 0, e.g. 2000/s (leave it out for the closed model)');
    if (!METHOD.test(args.method)) throw new InputError(`--method: expected an HTTP method such as GET or POST, got ${JSON.stringify(args.method)}`);
    if (args.connections < args.workers) {
      throw new InputError(`--workers ${args.workers} needs at least as many --connections (got ${args.connections}): each worker has its own`);
    }
    const headers: Record<string, string> = {};
    for (const h of list(args.header)) {
      const m = HEADER.exec(h);
      if (!m) throw new InputError(`--header: expected 'name: value', got ${JSON.stringify(h)}`);
      headers[(m[1] as string).toLowerCase()] = m[2] as string;
    }
    let body: Uint8Array | undefined;
    if (args.body !== undefined) {
      if (args.body.startsWith('@')) {
        const file = args.body.slice(1);
        try {
          body = await readFile(path.resolve(io.cwd, file));
        } catch (err) {
          throw new InputError(`--body: cannot read ${file}: ${(err as Error).message}`);
        }
      } else {
        body = Buffer.from(args.body);
      }
    }
    const [{ parseToxicText, ToxicTextError }, { parseThreshold }] = await Promise.all([import('../../faults/toxic-text.js'), import('../../stats/thresholds-parser.js')]);
    const faults = list(args.fault).map((text) => {
      try {
        return parseToxicText(text);
      } catch (err) {
        if (err instanceof ToxicTextError) throw new InputError(`--fault: ${err.message}`);
        throw err;
      }
    });
    const thresholds = list(args.threshold).map((text) => {
      const parsed = parseThreshold(text);
      if (!parsed.ok) throw new InputError(`--threshold: ${parsed.message}`);
      if (!(LOAD_METRICS as readonly string[]).includes(parsed.threshold.metric)) {
        throw new InputError(`--threshold ${JSON.stringify(text)}: ${parsed.threshold.metric} is not measured by duress load (use ${LOAD_METRICS.join(', ')})`);
      }
      if (Object.keys(parsed.threshold.selector).length > 0) throw new InputError(`--threshold ${JSON.stringify(text)}: duress load has one cell; leave out the {selector}`);
      return parsed.threshold;
    });
    if ((args.insecure || args.ca !== undefined) && target.protocol !== 'https:') throw new InputError('--insecure and --ca are for an https:// target');
    if (args.insecure && args.ca !== undefined) throw new InputError('--insecure and --ca: give one (--ca checks the certificate against your CA, --insecure does not check it)');
    let ca: string | undefined;
    if (args.ca !== undefined) {
      try {
        ca = await readFile(path.resolve(io.cwd, args.ca), 'utf8');
      } catch (err) {
        throw new InputError(`--ca: cannot read ${args.ca}: ${(err as Error).message}`);
      }
      if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new InputError(`--ca: ${args.ca} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
    }
    const duration = args.ramp?.stages.reduce((n, s) => n + s.durationMs, 0) ?? args.duration ?? DEFAULT_DURATION_MS;
    const request: HttpRequestSpec = { method: args.method.toUpperCase(), path: `${target.pathname}${target.search}`, headers, ...(body ? { body } : {}) };
    const options: Omit<LoadOptions, 'origin'> = {
      requests: [request],
      connections: args.connections,
      pipelining: args.pipelining,
      durationMs: duration,
      workers: args.workers,
      ...(args.rate !== undefined ? { arrival: { startRate: args.rate, stages: [{ target: args.rate, durationMs: duration }] } } : {}),
      ...(args.ramp !== undefined ? { arrival: args.ramp } : {}),
      ...(target.protocol === 'https:' ? { tls: { insecure: args.insecure, ...(ca !== undefined ? { ca } : {}), servername: target.hostname } } : {}),
    };
    return { target, options, faults, thresholds, json: args.json };
  },
  run: async (plan, io) => {
    const [{ runLoad }, { summarizeLoad, renderLoadTable, renderThresholds, progressLine }, { evaluateThresholds }] = await Promise.all([
      import('../../systems/http/run-load.js'),
      import('./load-render.js'),
      import('../../stats/thresholds.js'),
    ]);
    const route = plan.faults.length > 0 ? await startFaultRoute(plan.target, plan.faults) : undefined;
    let result;
    try {
      const origin = route?.origin ?? plan.target.origin;
      // Through the proxy, the target still sees its own name in Host (virtual hosts, proxies in front of it).
      const headers = route ? { host: plan.target.host, ...plan.options.requests[0]?.headers } : plan.options.requests[0]?.headers;
      const requests = plan.options.requests.map((r) => ({ ...r, ...(headers ? { headers } : {}) }));
      result = await runLoad({ ...plan.options, requests, origin, signal: io.interrupted, onProgress: progressWriter(io, progressLine) });
    } finally {
      if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
      await route?.stop();
    }
    const summary = summarizeLoad(result);
    const lookup = (metric: string): number | undefined => {
      if (metric === 'throughput') return summary.requestsPerSecond;
      const latency = summary.corrected ?? summary.uncorrected;
      if (latency.count === 0) return undefined;
      return metric === 'p99.9' ? latency.p99_9 : (latency[metric as 'p50' | 'p90' | 'p99' | 'max' | 'mean'] as number | undefined);
    };
    const outcomes = evaluateThresholds(plan.thresholds, lookup);
    if (plan.json) io.stdout.write(`${JSON.stringify({ ...summary, thresholds: outcomes }, null, 2)}\n`);
    else io.stdout.write(renderLoadTable(summary, `${plan.options.requests[0]?.method} ${plan.target.href}${route ? ' (through the fault proxy)' : ''}`) + renderThresholds(outcomes));
    if (io.interrupted.aborted) return signalExitCode(String(io.interrupted.reason));
    return outcomes.every((o) => o.passed) ? ExitCode.ok : ExitCode.thresholdFailed;
  },
});

function parseTarget(text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InputError(`expected the target as an http:// or https:// URL such as http://127.0.0.1:8080/, got ${JSON.stringify(text)}`);
  }
  return url;
}

/**
 * The embedded fault proxy (faults/, wall clock) on 127.0.0.1 with one route to the target and the toxics
 * on it; the load then goes to the route.
 */
async function startFaultRoute(target: URL, faults: ToxicInput[]): Promise<{ origin: string; stop: () => Promise<void> }> {
  const [{ ProxyCollection }, { wallClock }, { Random }] = await Promise.all([
    import('../../faults/proxy-collection.js'),
    import('../../core/clock.js'),
    import('../../core/random.js'),
  ]);
  const collection = new ProxyCollection({ clock: wallClock, random: new Random(Date.now()) });
  const port = target.port === '' ? (target.protocol === 'https:' ? '443' : '80') : target.port;
  // hostname keeps an IPv6 address in brackets, as host:port needs it.
  const proxy = await collection.create({ name: 'load', listen: '127.0.0.1:0', upstream: `${target.hostname}:${port}` });
  try {
    for (const [i, fault] of faults.entries()) await proxy.addToxic({ ...fault, name: `${fault.type}_${i + 1}` });
  } catch (err) {
    await collection.clear();
    throw new InputError(`--fault: the proxy refused ${JSON.stringify(faults.map((f) => f.type))}: ${(err as Error).message}`);
  }
  // TLS passes through the proxy as bytes; the certificate is checked against the target's name (tls.servername).
  return { origin: `${target.protocol}//127.0.0.1:${proxy.port}`, stop: () => collection.clear() };
}

/** Progress on stderr: a line rewritten in place on a terminal, a plain line every 5 s otherwise (CI logs). */
function progressWriter(io: CliIO, line: (p: LoadProgress) => string): LoadOptions['onProgress'] {
  let lastPlain = 0;
  return (p) => {
    if (io.stderr.isTTY) {
      io.stderr.write(`\r\x1b[K${line(p)}`);
    } else if (p.elapsedMs - lastPlain >= 5000) {
      lastPlain = p.elapsedMs;
      io.stderr.write(`${line(p)}\n`);
    }
  };
}
