import type { SinkFaultSpec } from '../sinks/cloudwatch/fault-types.js';
import type { SinkSpec } from './fault-spec.js';

export interface SinkFaultOptions {
  /** The log streams of the instances an occurrence hits; absent: every stream. `sink-close-idle` ignores it (it is sink-wide). */
  streams?: readonly string[];
  /** A window after which the sink ends the fault by itself (scenario ms); absent: until removed. */
  for?: number;
}

/** The mock sink's form of a sink fault; the engine adds it when an occurrence starts and removes it when it ends. */
export function toSinkFault(spec: SinkSpec, options: SinkFaultOptions = {}): SinkFaultSpec {
  const extent = {
    ...(options.streams === undefined ? {} : { streams: [...options.streams] }),
    ...(options.for === undefined ? {} : { for: options.for }),
  };
  switch (spec.kind) {
    case 'sink-throttle':
      return { kind: 'throttle', ...extent };
    case 'sink-error':
      return { kind: 'error', status: spec.status, ...extent };
    case 'sink-slow':
      return { kind: 'slow', latency: spec.latency, ...extent };
    case 'sink-drop-connection':
      return { kind: 'drop-connection', afterStore: spec.afterStore, ...extent };
    case 'sink-close-idle':
      return { kind: 'close-idle', after: spec.after, ...(options.for === undefined ? {} : { for: options.for }) };
    case 'sink-discard':
      return { kind: 'discard', ...extent };
    case 'sink-duplicate':
      return { kind: 'duplicate', ...extent };
  }
}
