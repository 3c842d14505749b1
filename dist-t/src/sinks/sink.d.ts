import type { z } from 'zod';
import type { Clock } from '../core/clock.js';
/**
 * A mock service a system under test writes to (the CloudWatch Logs API today; a plain HTTP endpoint
 * and a TCP line sink next). The engine starts one per cell, on loopback, through the registry
 * (registry.ts), when the cell's system kind names a sink (SystemKind.sink); every instance reaches it
 * through its own proxy route, so network faults hit one instance. A system never imports a sink: it
 * reaches it only over the network.
 *
 * What a sink must do:
 *   - serve on 127.0.0.1, port 0 (any free port), over TLS when its config asks, and say where (`start`);
 *   - hand every record it accepts to the engine's delivery accounting (`onDelivered`), with the time it
 *     arrived: the records carry the system's record format (src/sinks/record-message.ts: source id and
 *     sequence number in the message), so the accounting finds each record by its id, whatever the wire;
 *   - apply its own faults (errors, throttling, slowness, dropped connections, discarded or duplicated
 *     batches) on demand (`faults`), each scoped to the traffic of some instances, named by channel;
 *   - stop at once, closing every connection (`stop`), and report its own counters for the journal.
 *
 * Channels: a sink tells instances' traffic apart by a name the system chooses per slot (the system kind's
 * `channel`): the CloudWatch sink by log stream; an HTTP sink would use the request path (`/<channel>`);
 * a TCP line sink the first line a connection sends (a hello naming its channel). Faults name channels.
 *
 * How the next sinks fit, unchanged: an HTTP sink is an http.Server whose handler splits a body into
 * records (one per line, or a JSON array) and calls the delivered listeners; its faults are status codes,
 * delays and resets. A TCP line sink is a net.Server that reads lines (one record each) and calls them
 * too; its faults are stalls, resets and closed connections. Both start on port 0, have a URL
 * (`http://…`, `tcp://…`), and journal their counters the same way.
 */
export interface Sink<Fault = unknown> {
    /** Listens (127.0.0.1, port 0 unless the options say otherwise); resolves with where it is reached. */
    start(): Promise<SinkEndpoint>;
    /** Closes the listener and every connection at once, cancels pending answers and ends all faults. */
    stop(): Promise<void>;
    /**
     * Called once per accepted batch of records, in the order accepted, with the scenario epoch ms at which
     * the request arrived. Returns an unsubscribe function. A listener that throws is the sink's to report,
     * never the client's problem.
     */
    onDelivered(listener: DeliveredListener): () => void;
    /** The sink's own faults, by id. */
    readonly faults: SinkFaultControl<Fault>;
    /** The sink's counters now, as the cell's `cell-end` journal event carries them (plain JSON data). */
    report(): Record<string, unknown>;
}
/** Where a started sink is reached. */
export interface SinkEndpoint {
    host: string;
    port: number;
    /** `http://host:port`, `https://host:port`, `tcp://host:port`: what to give a client. */
    url: string;
    /** With TLS: the CA certificate (PEM) that signed the sink's certificate, for the client to trust. */
    ca?: string;
}
/** Records a sink accepted, each with its message as the system sent it. */
export type DeliveredListener = (records: readonly {
    message: string;
}[], receivedAt: number) => void;
/** Starting and lifting a sink's own faults; `Fault` is the sink's fault spec (CloudWatch: SinkFaultSpec). */
export interface SinkFaultControl<Fault> {
    /** Activates a fault now and returns its id. Throws RangeError on a malformed spec. */
    add(fault: Fault): string;
    /** Ends a fault early; false when no active fault has that id. */
    remove(id: string): boolean;
}
/** What the engine gives a sink kind to make a cell's sink. */
export interface SinkOptions {
    /** The cell's clock: the sink's own durations (latency, idle timeouts, fault windows) are scenario time. */
    clock: Clock;
    /**
     * DNS names the instances reach the sink by (`*.sink.duress.test`): a TLS certificate must cover them
     * so they verify it as real clients would.
     */
    tlsNames: readonly string[];
}
/**
 * A kind of sink: registered once (src/sinks/builtin.ts for the built-in ones), chosen by a scenario's
 * `sink: { kind: <name> }`. Adding a sink is one folder (src/sinks/<name>/) and one registration line.
 */
export interface SinkKind<Config extends {
    kind: string;
} = {
    kind: string;
}> {
    /** The scenario's `sink.kind`, e.g. `cloudwatch`. */
    readonly name: string;
    /**
     * The scenario's `sink:` section for this kind: a zod strict object whose `kind` is `z.literal(name)`,
     * with every default applied (output: `Config`). The scenario schema puts it in a union on `kind`.
     */
    readonly schema: z.ZodType<Config, unknown>;
    /** A cell's sink, not started yet. */
    create(config: Config, options: SinkOptions): Sink;
    /** Durations of the config the clock scales, with their key paths under `sink.` (the clock check refuses a speed that makes them too short). */
    scaledDurations(config: Config): {
        path: string;
        ms: number;
    }[];
}
