import type { ToxicSpec } from './fault-spec.js';

/** A toxic as Toxiproxy's API takes it (POST /proxies/{proxy}/toxics), without the name the engine gives it. */
export interface ToxicPayload {
  type: ToxicSpec['kind'];
  stream: 'upstream' | 'downstream';
  toxicity: number;
  /** JSON integers in Toxiproxy's units: ms, KB/s, bytes, µs (slicer `delay`). */
  attributes: Record<string, number>;
}

export interface ToxicAttributesOptions {
  /**
   * Scenario seconds per wall second. The embedded proxy times toxics on the scenario clock, so it takes
   * scenario units (speed 1, the default); a real Toxiproxy server times in wall time and needs the run's speed.
   */
  speed?: number;
}

/** The Toxiproxy wire form of a toxic fault: `latency: 1.5s` becomes `{ latency: 1500 }`. */
export function toxicAttributes(spec: ToxicSpec, options: ToxicAttributesOptions = {}): ToxicPayload {
  const speed = options.speed ?? 1;
  const ms = (scenarioMs: number): number => Math.round(scenarioMs / speed);
  return { type: spec.kind, stream: spec.stream, toxicity: spec.toxicity, attributes: wireAttributes(spec, speed, ms) };
}

function wireAttributes(spec: ToxicSpec, speed: number, ms: (scenarioMs: number) => number): Record<string, number> {
  switch (spec.kind) {
    case 'latency':
      return { latency: ms(spec.latency), jitter: ms(spec.jitter) };
    case 'bandwidth':
      return { rate: Math.round(spec.rate * speed) };
    case 'slow_close':
      return { delay: ms(spec.delay) };
    case 'timeout':
    case 'silent':
    case 'reset_peer':
      return { timeout: ms(spec.timeout) };
    case 'slicer':
      return { average_size: spec.averageSize, size_variation: spec.sizeVariation, delay: Math.round((spec.delay * 1000) / speed) };
    case 'limit_data':
      return { bytes: spec.bytes };
  }
}
