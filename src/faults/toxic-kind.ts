import type { ICreateToxicBody } from 'toxiproxy-node-client';
import type { z } from 'zod';
import { toxicShape } from './fault-params.js';
import type { FaultKind, SpecOf } from './fault-kind.js';
import { registerFaultKind } from './fault-kinds.js';
import type { FaultSpec, ToxicFields } from './fault-spec.js';
import { registerToxic, type ToxicFactory } from './toxic.js';

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
  /** See FaultKind.stalls. */
  stalls?: (spec: Readonly<Record<string, unknown>>) => boolean;
  /** See FaultKind.holdsEnd. */
  holdsEnd?: boolean;
  /** See FaultKind.notInToxiproxy: set for duress's own toxics. */
  notInToxiproxy?: { instead: string };
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

/** Toxic kinds by name, with their wire attributes (the fault kind itself is in the fault-kind registry). */
const wireAttributes = new Map<string, Readonly<Record<string, ToxicAttribute>>>();

function toWire(value: number, unit: AttributeUnit, speed: number): number {
  switch (unit) {
    case 'ms':
      return Math.round(value / speed);
    case 'us':
      return Math.round((value * 1000) / speed);
    case 'KB/s':
      return Math.round(value * speed);
    case 'bytes':
    case 'count':
      return value;
  }
}

/** The Toxiproxy wire form of a toxic fault: `latency: 1.5s` becomes `{ latency: 1500 }`. Throws for a spec that is no toxic. */
export function toxicAttributes(spec: FaultSpec, options: ToxicAttributesOptions = {}): ToxicPayload {
  const attributes = wireAttributes.get(spec.kind);
  if (!attributes) throw new Error(`fault kind ${spec.kind} is not a toxic`);
  const speed = options.speed ?? 1;
  const fields = spec as FaultSpec & ToxicFields;
  const wire: Record<string, number> = {};
  for (const [key, a] of Object.entries(attributes)) wire[key] = toWire(spec[a.from] as number, a.unit, speed);
  return { type: spec.kind, stream: fields.stream, toxicity: fields.toxicity, attributes: wire };
}

/** Whether a spec is of a registered toxic kind. */
export function isToxicSpec(spec: { kind: string }): spec is FaultSpec & ToxicFields {
  return wireAttributes.has(spec.kind);
}

/**
 * Toxiproxy clients put the toxic's name into the URL path unescaped (toxiproxy-node-client does), so an
 * occurrence id like `timeout#1/1` would cut the path at `#`: names keep to letters, digits, `.`, `_`, `-`.
 */
export function toxicName(occurrenceId: string): string {
  return occurrenceId.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Registers a toxic: its implementation with the fault proxy and its fault kind with the scenario. */
export function registerToxicKind<K extends string, P extends z.core.$ZodLooseShape>(options: ToxicKindOptions<K, P>): FaultKind<ToxicSpecOf<K, P>> {
  const fields = new Set(options.create().schema.fields.map((f) => f.key));
  for (const key of Object.keys(options.attributes)) {
    if (!fields.has(key)) throw new Error(`toxic ${options.name}: attribute ${key} is not a field of its implementation`);
  }
  const kind: FaultKind<ToxicSpecOf<K, P>> = {
    name: options.name,
    description: options.description,
    acts: 'link',
    params: { ...options.params, ...toxicShape() },
    defaultTarget: 'all',
    scaledDurations: Object.values(options.attributes)
      .filter((a) => a.unit === 'ms' || a.unit === 'us')
      .map((a) => a.from),
    stopsData: options.stopsData,
    stalls: options.stalls,
    holdsEnd: options.holdsEnd,
    notInToxiproxy: options.notInToxiproxy,
    describe: (spec) => options.describe(spec),
    async apply(occurrence, targets) {
      const spec = occurrence.spec;
      const payload = toxicAttributes(spec, { speed: targets.toxicSpeed });
      // The client's type union lists Toxiproxy's toxics only; duress's own go to the embedded proxy alone,
      // since a scenario using one is refused up front with --toxiproxy (checkToxicsSupported).
      const body = { name: toxicName(occurrence.id), ...payload } as ICreateToxicBody<Record<string, number>>;
      const toxics = await Promise.all(occurrence.instances.map((slot) => targets.route(slot, spec.link).addToxic(body)));
      return async () => {
        await Promise.all(toxics.map((x) => x.remove()));
      };
    },
  };
  registerToxic(options.name, options.create);
  wireAttributes.set(options.name, options.attributes);
  registerFaultKind(kind);
  return kind;
}
