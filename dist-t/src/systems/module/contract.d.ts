import type { LookupFunction } from 'node:net';
/**
 * The contract of a user's output module: `system: { kind: module, path: ./my-output.js }`.
 *
 * An output module is the user's own code that sends records somewhere (an HTTP output, an SDK client, a
 * plugin under development), put under duress's load, faults, watchdog and reports like a built-in system.
 * It is an ES module (JavaScript, or TypeScript built to JavaScript) whose default export is an
 * {@link OutputModule}: an async function that duress calls once per instance, in the instance's own worker
 * thread, with an {@link OutputContext}. The function:
 *
 *   1. reads duress's records from `context.records` (batches, as they are generated at the scenario's
 *      rate) and sends each record's `message`, unchanged, to the sink at `context.sink.url`, resolving
 *      the sink's host name with `context.sink.lookup` (that is how DNS faults reach it);
 *   2. wraps every request it makes in `context.request()` ... `end(outcome)`, so the watchdog can tell a
 *      request stuck in flight (a hang) from a wait between requests (a backoff);
 *   3. declares the records it gives up on with `context.drop(records)` (buffer full, retries exhausted):
 *      declared drops are counted as such, and any other record that never arrives is silent loss;
 *   4. returns once `context.records` has ended (the drain) and everything it held was delivered or
 *      dropped. It must stop at once, delivered or not, when `context.signal` aborts (the run's end).
 *
 * How duress judges it, as any system:
 *   - crash: the function throws, its promise rejects, an error escapes its callbacks (uncaught), or it
 *     returns before its records ended (an output that stops by itself has stopped delivering);
 *   - hang: records arrive, a request is in flight (`request()` not ended) and for the failures' hang
 *     window nothing of this instance was delivered and no request ended; or the thread sends no
 *     heartbeat for the window (blocked). An output that reports no requests is only judged on the second;
 *   - memory: live memory of the worker over `failures.memoryLimit` (as every kind);
 *   - delivery: exact, by record id: the sink finds `duress|<source>|<seq>|…` in every message it accepts,
 *     so every record is counted delivered (and duplicated or reordered), dropped, undrained (still held
 *     when stopped during the drain), lost with a failure, or lost.
 * After a failure the instance's worker is ended and a fresh instance (a new call, a new source id) takes
 * its slot, as for every kind.
 *
 * A minimal module (README.md has it too):
 *
 *   export default async function output({ records, sink, request }) {
 *     for await (const batch of records) {
 *       const done = request();
 *       const res = await fetch(`${sink.url}/${sink.channel}`, { method: 'POST', body: batch.map((r) => r.message).join('\n') });
 *       done(res.ok ? 'ok' : `status_${res.status}`);
 *     }
 *   }
 *
 * (fetch cannot take `sink.lookup`, so that module is not reached by DNS faults; node:http's `lookup`
 * option and undici's `connect: { lookup }` can. test/fixtures/http-output.ts is a full example.)
 */
export type OutputModule = (context: OutputContext) => Promise<void>;
/** What duress gives an output module's function, once per instance. */
export interface OutputContext {
    /** The instance's id, unique within the run: `c<cell>s<slot>g<generation>` (it is the records' source). */
    readonly id: string;
    /** The scenario's `system.options`, as written (YAML data): the module's own settings. */
    readonly options: Readonly<Record<string, unknown>>;
    /** Where to send records: the cell's sink, through this instance's own proxy route (see OutputSink). */
    readonly sink: OutputSink;
    /**
     * duress's records for this instance, in batches of whatever was generated since the module last asked
     * (at least one record per batch). Ends (the loop exits) when the input stops for the drain. Records the
     * module has not taken yet are held by the instance: counted undrained at a stop and lost with a failure.
     * Iterate it once.
     */
    readonly records: AsyncIterable<readonly OutputRecord[]>;
    /**
     * Reports that a request (one call to the sink) starts now; call the returned function when it ends, with
     * its outcome (`ok`, or a short word: `throttled`, `server_error`, `dns_error`…; default `ok`). The
     * outcomes are counted in the report's request table; the times give the request latency; a request
     * never ended is what the watchdog calls a stuck call. Calling the end function again does nothing.
     */
    request(): (outcome?: string) => void;
    /** Declares records dropped on purpose (given up): they are not lost, and counted as dropped. */
    drop(records: Iterable<OutputRecord>): void;
    /** The cell's clock: scenario time, which may run faster than the wall clock (`clock.speed`). */
    readonly clock: OutputClock;
    /** Aborted when the engine stops the instance (the run or its drain ended): stop at once. */
    readonly signal: AbortSignal;
    /** The instance's seed: derive any random choice from it, and runs repeat. */
    readonly seed: number;
}
/** One of duress's records. */
export interface OutputRecord {
    /** Its sequence number within the instance's records, from 0 without gaps. */
    readonly seq: number;
    /** Scenario epoch ms at which it was scheduled (a log event's timestamp). */
    readonly time: number;
    /**
     * The record's text: `duress|<source>|<seq>|<scheduled µs>|<padding>`, `system.recordSize` bytes of
     * ASCII that needs no escaping in JSON. Deliver it unchanged: the sink's accounting finds the record by it.
     */
    readonly message: string;
}
/** Where an output module sends its records. */
export interface OutputSink {
    /**
     * The sink's origin through this instance's proxy route, by the instance's own DNS name
     * (`http://i3.sink.duress.test:41234`), so toxics and `down` act on this instance's connections.
     */
    readonly url: string;
    /** With a TLS sink (`https:` url): the CA certificate (PEM) to trust. */
    readonly ca?: string;
    /**
     * Resolves the url's host name through the cell's DNS fault server (DNS faults act on it). Give it to
     * the HTTP client: node:http's `lookup` option, undici's `connect: { lookup }`. The worker has no
     * resolver of its own for the sink's name: a client that does not use it cannot resolve the host.
     */
    readonly lookup: LookupFunction;
    /**
     * This instance's name in the sink, the same for every generation of its slot: a CloudWatch log stream
     * (create it, then PutLogEvents to it); sink faults are scoped by it.
     */
    readonly channel: string;
}
/** Scenario time for an output module. */
export interface OutputClock {
    /** Scenario epoch ms now. */
    now(): number;
    /** Resolves after `ms` of scenario time, or rejects with the signal's reason when `signal` aborts first. */
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
    /** Wall ms for `ms` of scenario time: for the timeouts of a client that counts wall time (node:http's). */
    toWall(ms: number): number;
}
