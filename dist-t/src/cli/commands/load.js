import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, InputError, signalExitCode } from '../../core/errors.js';
import { defineCommand } from '../command.js';
import { durationFlag, integerFlag, rateFlag } from '../flags.js';
/** The metrics a threshold of `duress load` can name: latency (corrected in the open model) and throughput. */
const LOAD_METRICS = ['p50', 'p90', 'p99', 'p99.9', 'max', 'mean', 'throughput'];
const METHOD = /^[A-Za-z]+$/;
/** An HTTP header: a token name, a colon, a value without line breaks. */
const HEADER = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([^\r\n]*)$/;
const list = (value) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String));
export const loadCommand = defineCommand({
    command: 'load <url>',
    describe: 'Load an HTTP target: open model at --rate (latency corrected for coordinated omission) or closed model of --connections',
    builder: (y) => y
        .positional('url', { type: 'string', describe: 'the target, http://host:port/path', demandOption: true })
        .option('rate', { type: 'string', requiresArg: true, coerce: rateFlag('rate'), describe: 'open model: requests per second, e.g. 2000/s (absent: closed model)' })
        .option('connections', {
        type: 'string',
        requiresArg: true,
        default: '10',
        coerce: integerFlag('connections', { min: 1, max: 10_000 }),
        describe: 'TCP connections in total',
    })
        .option('duration', { type: 'string', requiresArg: true, default: '10s', coerce: durationFlag('duration', { positive: true }), describe: 'how long to load, e.g. 30s' })
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
        .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON instead of tables' }),
    prepare: async (args, io) => {
        const target = parseTarget(args.url);
        if (args.rate === 0)
            throw new InputError('--rate: expected a rate above 0, e.g. 2000/s (leave it out for the closed model)');
        if (!METHOD.test(args.method))
            throw new InputError(`--method: expected an HTTP method such as GET or POST, got ${JSON.stringify(args.method)}`);
        if (args.connections < args.workers) {
            throw new InputError(`--workers ${args.workers} needs at least as many --connections (got ${args.connections}): each worker has its own`);
        }
        const headers = {};
        for (const h of list(args.header)) {
            const m = HEADER.exec(h);
            if (!m)
                throw new InputError(`--header: expected 'name: value', got ${JSON.stringify(h)}`);
            headers[m[1].toLowerCase()] = m[2];
        }
        let body;
        if (args.body !== undefined) {
            if (args.body.startsWith('@')) {
                const file = args.body.slice(1);
                try {
                    body = await readFile(path.resolve(io.cwd, file));
                }
                catch (err) {
                    throw new InputError(`--body: cannot read ${file}: ${err.message}`);
                }
            }
            else {
                body = Buffer.from(args.body);
            }
        }
        const [{ parseToxicText, ToxicTextError }, { parseThreshold }] = await Promise.all([import('../../faults/toxic-text.js'), import('../../stats/thresholds-parser.js')]);
        const faults = list(args.fault).map((text) => {
            try {
                return parseToxicText(text);
            }
            catch (err) {
                if (err instanceof ToxicTextError)
                    throw new InputError(`--fault: ${err.message}`);
                throw err;
            }
        });
        const thresholds = list(args.threshold).map((text) => {
            const parsed = parseThreshold(text);
            if (!parsed.ok)
                throw new InputError(`--threshold: ${parsed.message}`);
            if (!LOAD_METRICS.includes(parsed.threshold.metric)) {
                throw new InputError(`--threshold ${JSON.stringify(text)}: ${parsed.threshold.metric} is not measured by duress load (use ${LOAD_METRICS.join(', ')})`);
            }
            if (Object.keys(parsed.threshold.selector).length > 0)
                throw new InputError(`--threshold ${JSON.stringify(text)}: duress load has one cell; leave out the {selector}`);
            return parsed.threshold;
        });
        const request = { method: args.method.toUpperCase(), path: `${target.pathname}${target.search}`, headers, ...(body ? { body } : {}) };
        const options = {
            requests: [request],
            connections: args.connections,
            pipelining: args.pipelining,
            durationMs: args.duration,
            workers: args.workers,
            ...(args.rate !== undefined ? { arrival: { startRate: args.rate, stages: [{ target: args.rate, durationMs: args.duration }] } } : {}),
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
        }
        finally {
            if (io.stderr.isTTY)
                io.stderr.write('\r\x1b[K');
            await route?.stop();
        }
        const summary = summarizeLoad(result);
        const lookup = (metric) => {
            if (metric === 'throughput')
                return summary.requestsPerSecond;
            const latency = summary.corrected ?? summary.uncorrected;
            if (latency.count === 0)
                return undefined;
            return metric === 'p99.9' ? latency.p99_9 : latency[metric];
        };
        const outcomes = evaluateThresholds(plan.thresholds, lookup);
        if (plan.json)
            io.stdout.write(`${JSON.stringify({ ...summary, thresholds: outcomes }, null, 2)}\n`);
        else
            io.stdout.write(renderLoadTable(summary, `${plan.options.requests[0]?.method} ${plan.target.href}${route ? ' (through the fault proxy)' : ''}`) + renderThresholds(outcomes));
        if (io.interrupted.aborted)
            return signalExitCode(String(io.interrupted.reason));
        return outcomes.every((o) => o.passed) ? ExitCode.ok : ExitCode.thresholdFailed;
    },
});
function parseTarget(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        url = undefined;
    }
    if (url === undefined || url.protocol !== 'http:') {
        throw new InputError(`expected the target as an http:// URL such as http://127.0.0.1:8080/, got ${JSON.stringify(text)}`, {
            hint: url?.protocol === 'https:' ? 'https targets are not supported yet' : undefined,
        });
    }
    return url;
}
/**
 * The embedded fault proxy (faults/, wall clock) on 127.0.0.1 with one route to the target and the toxics
 * on it; the load then goes to the route.
 */
async function startFaultRoute(target, faults) {
    const [{ ProxyCollection }, { wallClock }, { Random }] = await Promise.all([
        import('../../faults/proxy-collection.js'),
        import('../../core/clock.js'),
        import('../../core/random.js'),
    ]);
    const collection = new ProxyCollection({ clock: wallClock, random: new Random(Date.now()) });
    const port = target.port === '' ? '80' : target.port;
    // hostname keeps an IPv6 address in brackets, as host:port needs it.
    const proxy = await collection.create({ name: 'load', listen: '127.0.0.1:0', upstream: `${target.hostname}:${port}` });
    try {
        for (const [i, fault] of faults.entries())
            await proxy.addToxic({ ...fault, name: `${fault.type}_${i + 1}` });
    }
    catch (err) {
        await collection.clear();
        throw new InputError(`--fault: the proxy refused ${JSON.stringify(faults.map((f) => f.type))}: ${err.message}`);
    }
    return { origin: `http://127.0.0.1:${proxy.port}`, stop: () => collection.clear() };
}
/** Progress on stderr: a line rewritten in place on a terminal, a plain line every 5 s otherwise (CI logs). */
function progressWriter(io, line) {
    let lastPlain = 0;
    return (p) => {
        if (io.stderr.isTTY) {
            io.stderr.write(`\r\x1b[K${line(p)}`);
        }
        else if (p.elapsedMs - lastPlain >= 5000) {
            lastPlain = p.elapsedMs;
            io.stderr.write(`${line(p)}\n`);
        }
    };
}
//# sourceMappingURL=load.js.map