import type { z } from 'zod';
import type { FaultKind, SpecOf } from './fault-kind.js';
import type { FaultSpec, ToxicFields } from './fault-spec.js';
import { type ToxicFactory } from './toxic.js';
/**
 * A toxic as a fault kind. A toxic's file (src/faults/toxics/<wire-name>.ts) holds its stub-pipeline
 * implementation (the Toxic class, see CONTRACT.md) and ends with one registerToxicKind call, which
 * registers both: the implementation with the fault proxy's toxic registry (so the Toxiproxy API can
 * create it), and the fault kind (so scenarios can use it, the engine apply it through
 * toxiproxy-node-client on the embedded proxy or a real Toxiproxy, the clock check scale it, reports
 * describe it).
 */
/**
 * The unit of a wire attribute (Toxiproxy's JSON integers), and so how a scenario value becomes one:
 * `ms` and `us` are durations (the spec holds scenario ms; the clock scales them), `KB/s` a rate
 * (1 KB = 1000 B), `bytes` a size, `count` a plain number. For a real Toxiproxy timing in wall time,
 * durations are divided by the clock speed and rates multiplied by it; sizes and counts are not scaled.
 */
export type AttributeUnit = 'ms' | 'us' | 'KB/s' | 'bytes' | 'count';
/** Where a wire attribute's value comes from: a key of the spec (the scenario's name for it) and its unit. */
export interface ToxicAttribute<Key extends string = string> {
    readonly from: Key;
    readonly unit: AttributeUnit;
}
/** The resolved spec of a toxic named K with attribute parameters P. */
export type ToxicSpecOf<K extends string, P extends z.core.$ZodLooseShape> = SpecOf<K, P> & ToxicFields;
export interface ToxicKindOptions<K extends string, P extends z.core.$ZodLooseShape> {
    /** The Toxiproxy wire type, which is also the scenario's `kind`. */
    name: K;
    /** A fresh instance of the stub-pipeline implementation, default attributes. */
    create: ToxicFactory;
    /** One sentence for the JSON Schema. */
    description: string;
    /**
     * The scenario parameters of the toxic's attributes (zod shape, unit-field helpers); `stream`, `toxicity`
     * and `link` are added after them.
     */
    params: P;
    /**
     * The wire attributes, by their Toxiproxy names in JSON order, each from a spec key with its unit. Every
     * one must be a field of the implementation's AttributeSchema (checked at registration).
     */
    attributes: Readonly<Record<string, ToxicAttribute<Extract<keyof z.output<z.ZodObject<P>>, string>>>>;
    /** See FaultKind.stopsData. */
    stopsData: boolean;
    /** See FaultKind.holdsEnd. */
    holdsEnd?: boolean;
    /** See FaultKind.notInToxiproxy: set for duress's own toxics. */
    notInToxiproxy?: {
        instead: string;
    };
    /** The parameters in words (FaultKind.describe). */
    describe(spec: ToxicSpecOf<K, P>): string;
}
/** A toxic as Toxiproxy's API takes it (POST /proxies/{proxy}/toxics), without the name the engine gives it. */
export interface ToxicPayload {
    type: string;
    stream: 'upstream' | 'downstream';
    toxicity: number;
    /** JSON integers in Toxiproxy's units: ms, KB/s, bytes, µs. */
    attributes: Record<string, number>;
}
export interface ToxicAttributesOptions {
    /**
     * Scenario seconds per wall second. The embedded proxy times toxics on the scenario clock, so it takes
     * scenario units (speed 1, the default); a real Toxiproxy server times in wall time and needs the run's speed.
     */
    speed?: number;
}
/** The Toxiproxy wire form of a toxic fault: `latency: 1.5s` becomes `{ latency: 1500 }`. Throws for a spec that is no toxic. */
export declare function toxicAttributes(spec: FaultSpec, options?: ToxicAttributesOptions): ToxicPayload;
/** Whether a spec is of a registered toxic kind. */
export declare function isToxicSpec(spec: {
    kind: string;
}): spec is FaultSpec & ToxicFields;
/**
 * Toxiproxy clients put the toxic's name into the URL path unescaped (toxiproxy-node-client does), so an
 * occurrence id like `timeout#1/1` would cut the path at `#`: names keep to letters, digits, `.`, `_`, `-`.
 */
export declare function toxicName(occurrenceId: string): string;
/** Registers a toxic: its implementation with the fault proxy and its fault kind with the scenario. */
export declare function registerToxicKind<K extends string, P extends z.core.$ZodLooseShape>(options: ToxicKindOptions<K, P>): FaultKind<ToxicSpecOf<K, P>>;
