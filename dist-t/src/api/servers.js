import { wallClock } from '../core/clock.js';
import { Random } from '../core/random.js';
import { InputError } from '../core/errors.js';
import { ToxiproxyApiError } from '../faults/api/errors.js';
import { createToxiproxyServer } from '../faults/api/server.js';
import { createCloudWatchSink } from '../sinks/cloudwatch/index.js';
import { defaultMaxEventSize, PRE_2023_STREAM_RATE } from '../sinks/cloudwatch/limits.js';
/**
 * Starts the embedded fault proxy: an HTTP server speaking Toxiproxy's API (v2.12) over real TCP proxies
 * with Toxiproxy's toxics, in real time. A port that cannot be had, or a proxy that cannot be created, is
 * an InputError (nothing is left listening).
 */
export async function startFaultProxy(options = {}) {
    const server = createToxiproxyServer({
        host: options.host ?? '127.0.0.1',
        port: options.port ?? 0,
        clock: wallClock,
        random: new Random(options.seed ?? Date.now()),
        version: options.version,
        metrics: options.metrics,
    });
    try {
        if (options.proxies !== undefined)
            await server.collection.populate([...options.proxies]);
    }
    catch (err) {
        await server.stop();
        if (err instanceof ToxiproxyApiError)
            throw new InputError(`the fault proxy cannot create its proxies: ${err.message}`, { cause: err });
        throw err;
    }
    try {
        const { url, host, port } = await server.start();
        return { url, host, port, stop: () => server.stop() };
    }
    catch (err) {
        await server.stop();
        throw new InputError(`the fault proxy cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 0}: ${err.message}`, { cause: err });
    }
}
/**
 * Starts the mock CloudWatch Logs service in real time: the JSON 1.1 API with its errors, sequence tokens,
 * quotas and limits. Defaults as `duress sink cloudwatch`: tokens ignored (the service since 2023), so no
 * per-stream quota; with `sequenceTokens: 'enforced'` the pre-2023 5/s. A port that cannot be had is an InputError.
 */
export async function startCloudWatchSink(options = {}) {
    const tokens = options.sequenceTokens ?? 'ignored';
    const sink = createCloudWatchSink({
        streamRate: tokens === 'enforced' ? PRE_2023_STREAM_RATE : 0,
        streamBurst: 5,
        idleTimeout: 6000,
        latency: 0,
        maxEventSize: defaultMaxEventSize(tokens),
        // An option given as undefined keeps its default.
        ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
        kind: 'cloudwatch',
        sequenceTokens: tokens,
    }, wallClock);
    try {
        const { url, host, port, ca } = await sink.start();
        return { url, host, port, ca, sink, stop: () => sink.stop() };
    }
    catch (err) {
        await sink.stop();
        if (err instanceof InputError)
            throw err;
        throw new InputError(`the CloudWatch sink cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 0}: ${err.message}`, { cause: err });
    }
}
//# sourceMappingURL=servers.js.map