import { setMaxListeners } from 'node:events';
import { ScaledClock } from '../core/clock.js';
import { checkClockSpeed } from './clock-check.js';
import { checkToxicsSupported } from './toxiproxy-check.js';
import { CellRunner } from './cell-runner.js';
import { FaultLayer } from './fault-layer.js';
import { JournalWriter } from '../journal/writer.js';
import { buildResults } from '../results/build-results.js';
import { VERSION } from '../core/version.js';
import { CellStartError } from './cell-start-error.js';
import { contentHash, dealSlots } from '../core/shard.js';
/**
 * What identifies a scenario across machines: SHA-256 of the resolved base scenario and of each cell (its
 * name, matrix values and resolved scenario), so shards of one run agree and shards of another do not.
 */
export function scenarioHash(base, cells) {
    return contentHash({ scenario: base, cells: cells.map((c) => ({ index: c.index, name: c.name, values: c.values, scenario: c.scenario })) });
}
/** After an interrupt, the drain gets at most this much wall time: the user asked to stop. */
const INTERRUPTED_DRAIN_WALL_MS = 2000;
const DRAIN_POLL_WALL_MS = 20;
/**
 * Runs a scenario's cells side by side: each its load for its duration, then a drain, then a stop; a
 * fault in a system under test never makes this throw. Everything measured goes to the journal as it
 * happens, and the results are folded from the journal. An abort (signal) ends the load early and the
 * results still cover what ran. A cell that cannot start stops the others and the run rejects with a
 * CellStartError carrying the results of what ran (exit 3).
 */
export async function runScenario(base, cells, options) {
    for (const c of cells) {
        const source = `${options.file}${cells.length > 1 ? ` (cell ${c.name})` : ''}`;
        checkClockSpeed(c.scenario, source);
        if (options.toxiproxyUrl)
            checkToxicsSupported(c.scenario, source, options.toxiproxyUrl);
    }
    const clock = new ScaledClock(base.clock.speed);
    const wallStart = performance.now();
    const journal = new JournalWriter(options.dir);
    const layer = await FaultLayer.start({ clock, seed: base.seed, url: options.toxiproxyUrl });
    const shard = options.shard;
    const shares = dealSlots(cells.map((c) => c.scenario.instances), shard);
    const infos = cells.map((c, i) => ({
        index: c.index,
        name: c.name,
        values: c.values,
        instances: shares[i].length,
        duration: c.scenario.duration,
        ...(shard ? { slots: shares[i], slotsPlanned: c.scenario.instances } : {}),
    }));
    journal.write({
        t: 'run-start',
        format: 'duress-journal/1',
        duressVersion: VERSION,
        wall: new Date().toISOString(),
        file: options.file,
        scenario: base,
        speed: clock.speed,
        cells: infos,
        scenarioHash: scenarioHash(base, cells),
        ...(shard ? { shards: { count: shard.count, included: [shard.index], merged: false } } : {}),
    });
    // Interval latency histograms journaled since the last progress, by cell index (RunProgress.latencySinceLast).
    const latencySinceLast = new Map();
    const record = (e) => {
        journal.write(e);
        if (e.t === 'harness')
            options.onHarness?.(e);
        if (e.t === 'interval' && options.onProgress)
            latencySinceLast.set(e.cell, [...(latencySinceLast.get(e.cell) ?? []), e.endToEnd]);
    };
    // A shard runs only the cells it has slots of; the others are in its journal with no instance.
    const runners = cells.flatMap((c, i) => (infos[i].instances > 0 ? [createCellRun(infos[i], c.scenario, clock, layer, record)] : []));
    const phases = runners.map(() => 'start');
    const emitProgress = () => {
        options.onProgress?.({
            wallMs: performance.now() - wallStart,
            cells: runners.map((r, i) => {
                const c = r.deliveryCounts();
                const latency = latencySinceLast.get(r.info.index) ?? [];
                latencySinceLast.delete(r.info.index);
                return {
                    name: r.info.name,
                    phase: phases[i],
                    at: r.at(),
                    duration: r.scenario.duration,
                    instances: r.scenario.instances,
                    exposureHours: r.exposure() / 3_600_000,
                    failures: failuresSoFar(r),
                    generated: c.generated,
                    delivered: c.delivered,
                    latencySinceLast: latency,
                };
            }),
        });
    };
    const progress = setInterval(emitProgress, 1000);
    let interrupted;
    const onAbort = () => {
        interrupted ??= String(options.signal?.reason ?? 'abort');
    };
    // Each cell waits on the signal too: a 10-cell matrix is not a listener leak.
    if (options.signal)
        setMaxListeners(cells.length + 10, options.signal);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted)
        onAbort();
    // A cell that cannot start is duress's trouble: its siblings are stopped (their load ends early, as on an
    // interrupt), what ran is written, and the run ends with a CellStartError once every cell has stopped.
    const startFailed = new AbortController();
    const failedStarts = [];
    const stopLoad = options.signal ? AbortSignal.any([options.signal, startFailed.signal]) : startFailed.signal;
    setMaxListeners(cells.length + 10, stopLoad);
    let outcomes;
    try {
        outcomes = await Promise.allSettled(runners.map(async (r, i) => {
            try {
                await r.start();
            }
            catch (err) {
                failedStarts.push({ cell: r.info.name, error: err });
                journal.write({ t: 'harness', cell: r.info.index, wallMs: performance.now() - wallStart, kind: 'cell-start', detail: `cell ${r.info.name} could not start: ${errorText(err)}` });
                startFailed.abort(err);
                // Whatever it opened before failing (servers, routes, instances) is released.
                await r.stop(false).catch(() => undefined);
                phases[i] = 'done';
                return;
            }
            phases[i] = 'load';
            const intervals = clock.setInterval(() => r.interval(), r.scenario.report.interval);
            try {
                await waitScenario(clock, r.scenario.duration, stopLoad);
                r.stopInput();
                phases[i] = 'drain';
                const cut = interrupted !== undefined || startFailed.signal.aborted;
                const drainFor = cut ? Math.min(r.scenario.drain, clock.toScenario(INTERRUPTED_DRAIN_WALL_MS)) : r.scenario.drain;
                const deadline = clock.now() + drainFor;
                let drained = r.drained();
                while (!drained && clock.now() < deadline) {
                    await new Promise((res) => setTimeout(res, DRAIN_POLL_WALL_MS));
                    drained = r.drained();
                }
                clearInterval(intervals);
                await r.stop(drained);
            }
            finally {
                clearInterval(intervals);
                phases[i] = 'done';
            }
        }));
    }
    finally {
        clearInterval(progress);
        // The last word: every cell has stopped, and what it journaled since the last tick reaches the consumer.
        emitProgress();
        options.signal?.removeEventListener('abort', onAbort);
        await layer.stop();
        journal.write({ t: 'run-end', wall: new Date().toISOString(), wallMs: performance.now() - wallStart, interrupted });
        journal.close();
    }
    const results = buildResults(journal.events);
    const first = failedStarts[0];
    if (first)
        throw new CellStartError(`cell ${first.cell} could not start: ${errorText(first.error)}`, results, first.error);
    // Every cell has stopped; a cell that threw while running is a bug in duress, reported once the journal is whole.
    const broken = outcomes.find((o) => o.status === 'rejected');
    if (broken)
        throw broken.reason;
    return buildResults(journal.events);
}
function errorText(err) {
    return err instanceof Error ? err.message : String(err);
}
function failuresSoFar(r) {
    return r.failureCount;
}
/** The runner of a cell, for the registered system kind its scenario names. */
export function createCellRun(info, scenario, clock, layer, journal) {
    return new CellRunner(info, scenario, clock, layer, journal);
}
/** Waits `ms` of scenario time, or until the signal fires. */
function waitScenario(clock, ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            timer.clear();
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = clock.setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
//# sourceMappingURL=run.js.map