import { pathToFileURL } from 'node:url';
import { ScaledClock } from '../../core/clock.js';
import { RateGenerator } from '../rate-generator.js';
import { relayedLookup } from '../isolation/lookup-relay.js';
import { serveInstance } from '../isolation/worker-protocol.js';
import { RecordFeed } from './record-feed.js';
/** Wall ms a stopped module is given to return after its signal aborted, before the worker is closed anyway. */
const STOP_GRACE_WALL_MS = 1000;
/** An error of the module's, thrown where nothing catches it: the worker ends and the engine records a crash. */
function crash(error) {
    const err = error instanceof Error ? error : new Error(`the output module failed with ${String(error)}`);
    setImmediate(() => {
        throw err;
    });
}
/**
 * The body of an isolated module instance: the user's output module (contract.ts), loaded in this worker
 * thread, fed duress's records at the scenario's rate, posting to the cell's sink through its slot's proxy
 * route by its own DNS name. Its requests, drops and end are reported with the heartbeats.
 */
await serveInstance((data) => {
    const clock = ScaledClock.fromSpec(data.clock);
    const feed = new RecordFeed(data.id, data.system.input.recordSize);
    const generator = new RateGenerator(data.system.input.rate, clock);
    const controller = new AbortController();
    let dropped = [];
    let requestMs = [];
    const requests = {};
    let inFlight = 0;
    let lastRequestEndAt = Number.NaN;
    let inputEnded = false;
    let finished = false;
    let stopping = false;
    let running;
    if (!data.lookupPort)
        throw new Error('a module instance resolves its sink by name: the engine gave it no lookup port');
    const lookup = relayedLookup(data.lookupPort);
    const context = {
        id: data.id,
        options: data.system.options,
        sink: { url: data.origin, lookup, channel: data.channel, ...(data.ca !== undefined ? { ca: data.ca } : {}) },
        records: feed,
        request: () => {
            const startedAt = clock.now();
            inFlight += 1;
            let ended = false;
            return (outcome = 'ok') => {
                if (ended)
                    return;
                ended = true;
                inFlight -= 1;
                lastRequestEndAt = clock.now();
                requestMs.push(lastRequestEndAt - startedAt);
                requests[outcome] = (requests[outcome] ?? 0) + 1;
            };
        },
        drop: (records) => {
            for (const r of records)
                dropped.push(r.seq);
        },
        clock: { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms, signal), toWall: (ms) => clock.toWall(ms) },
        signal: controller.signal,
        seed: data.seed,
    };
    return {
        async start() {
            const loaded = (await import(pathToFileURL(data.system.path).href));
            if (typeof loaded.default !== 'function')
                throw new Error(`${data.system.path}: its default export is not a function`);
            const output = loaded.default;
            generator.start((seq, scheduledAt) => {
                feed.push(seq, scheduledAt);
                return true;
            }, () => { });
            running = Promise.resolve().then(() => output(context));
            running.then(() => {
                finished = true;
                if (!inputEnded && !stopping)
                    crash(new Error('the output module returned before its records ended'));
            }, (err) => {
                if (!stopping)
                    crash(err);
            });
        },
        stopInput() {
            generator.stop();
            inputEnded = true;
            feed.end();
        },
        heartbeat() {
            const message = {
                t: 'heartbeat',
                generated: feed.generated,
                dropped,
                requestMs,
                requests: { ...requests },
                inFlight,
                lastRequestEndAt,
                waiting: feed.waiting,
                drained: finished,
            };
            dropped = [];
            requestMs = [];
            return { message };
        },
        async stop() {
            stopping = true;
            generator.stop();
            feed.end();
            controller.abort(new Error('the instance is stopping'));
            let grace;
            await Promise.race([running?.catch(() => { }), new Promise((resolve) => (grace = setTimeout(resolve, STOP_GRACE_WALL_MS)))]);
            clearTimeout(grace);
        },
        final: () => ({ message: { t: 'stopped', generated: feed.generated, dropped, requests, finished } }),
    };
});
//# sourceMappingURL=worker.js.map