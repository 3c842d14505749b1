import { z } from 'zod';
import type { FaultKind, SpecOf } from '../../faults/fault-kind.js';
import { registerFaultKind } from '../../faults/fault-kinds.js';
import type { FaultSpec } from '../../faults/fault-spec.js';
import { duration, flag } from '../../core/fields.js';
import { formatDuration } from '../../core/units.js';
import type { SinkFaultSpec } from './fault-types.js';
import type { SinkFaults } from './sink-faults.js';

/**
 * The sink fault kinds the mock sinks share (`sink-*`): each adds a fault (fault-types.ts) to the cell's sink
 * when an occurrence starts, limited to the channels of the instances it hits (but sink-close-idle, which is
 * sink-wide), and removes it when the occurrence ends. A sink kind says which of them it applies
 * (SinkKind.faults); the scenario refuses the others on it.
 */

export interface SinkFaultOptions {
  /** The channels (log streams, request paths) of the instances an occurrence hits; absent: every channel. `sink-close-idle` ignores it (it is sink-wide). */
  streams?: readonly string[];
  /** A window after which the sink ends the fault by itself (scenario ms); absent: until removed. */
  for?: number;
}

type Extent = Pick<SinkFaultOptions, 'for'> & { streams?: string[] };

interface SinkKindOptions<K extends string, P extends z.core.$ZodLooseShape> {
  name: K;
  description: string;
  params: P;
  scaledDurations?: readonly string[];
  /** Whether the fault may be limited to some channels (every one but sink-close-idle). */
  perStream?: boolean;
  /** The mock sinks' form of the fault, with its extent. */
  toSinkFault(spec: SpecOf<K, P>, extent: Extent): SinkFaultSpec;
  describe?: (spec: SpecOf<K, P>) => string;
}

const toMockFault = new Map<string, (spec: FaultSpec, options: SinkFaultOptions) => SinkFaultSpec>();

/** The mock sink's form of a sink fault; the engine adds it when an occurrence starts and removes it when it ends. */
export function toSinkFault(spec: FaultSpec, options: SinkFaultOptions = {}): SinkFaultSpec {
  const convert = toMockFault.get(spec.kind);
  if (!convert) throw new Error(`fault kind ${spec.kind} is not one of the shared sink faults`);
  return convert(spec, options);
}

function hasFaults(sink: unknown): sink is { faults: SinkFaults } {
  const faults = (sink as { faults?: Partial<SinkFaults> } | null | undefined)?.faults;
  return typeof faults?.add === 'function' && typeof faults.remove === 'function';
}

function registerSinkKind<K extends string, P extends z.core.$ZodLooseShape>(options: SinkKindOptions<K, P>): void {
  const perStream = options.perStream ?? true;
  const convert = (spec: SpecOf<K, P>, o: SinkFaultOptions): SinkFaultSpec =>
    options.toSinkFault(spec, {
      ...(o.streams === undefined || !perStream ? {} : { streams: [...o.streams] }),
      ...(o.for === undefined ? {} : { for: o.for }),
    });
  const kind: FaultKind<SpecOf<K, P>> = {
    name: options.name,
    description: options.description,
    acts: 'sink',
    params: options.params,
    defaultTarget: 'all',
    scaledDurations: options.scaledDurations ?? [],
    stopsData: false,
    describe: (spec) => options.describe?.(spec) ?? '',
    async apply(occurrence, targets) {
      const sink = targets.sink;
      if (!hasFaults(sink)) throw new Error(`${options.name} needs a sink, and this system has none`);
      const id = sink.faults.add(convert(occurrence.spec, { streams: occurrence.instances.map((s) => targets.stream(s)) }));
      return async () => {
        sink.faults.remove(id);
      };
    },
  };
  toMockFault.set(options.name, (spec, o) => convert(spec as SpecOf<K, P>, o));
  registerFaultKind(kind);
}

registerSinkKind({
  name: 'sink-throttle',
  description: 'The sink answers every request carrying records as throttled (CloudWatch: ThrottlingException; HTTP: 429).',
  params: {},
  toSinkFault: (_spec, extent) => ({ kind: 'throttle', ...extent }),
});

registerSinkKind({
  name: 'sink-error',
  description: 'The sink answers requests with a 500 or 503 (CloudWatch: ServiceUnavailableException).',
  params: {
    status: z.literal([500, 503]).default(500).describe('HTTP status: 500 (as CloudWatch Logs sends ServiceUnavailableException) or 503.'),
  },
  toSinkFault: (spec, extent) => ({ kind: 'error', status: spec.status, ...extent }),
  describe: (spec) => ` ${spec.status}`,
});

registerSinkKind({
  name: 'sink-slow',
  description: 'The sink adds service time to every answer.',
  params: { latency: duration({ positive: true }).describe('Service time added to each answer.') },
  scaledDurations: ['latency'],
  toSinkFault: (spec, extent) => ({ kind: 'slow', latency: spec.latency, ...extent }),
  describe: (spec) => ` ${formatDuration(spec.latency)}`,
});

registerSinkKind({
  name: 'sink-drop-connection',
  description: 'The sink destroys the connection mid-response (a TCP line sink: as the next data arrives).',
  params: {
    afterStore: flag().prefault(false).describe('Process the request first (a batch is stored), so the client cannot know it arrived.'),
  },
  toSinkFault: (spec, extent) => ({ kind: 'drop-connection', afterStore: spec.afterStore, ...extent }),
  describe: (spec) => (spec.afterStore ? ' after store' : ''),
});

registerSinkKind({
  name: 'sink-close-idle',
  description: 'The sink closes idle keep-alive connections after `after` (the whole sink, every instance).',
  params: { after: duration().describe('Idle time before the close; 0 closes as soon as a response ends.') },
  scaledDurations: ['after'],
  perStream: false,
  toSinkFault: (spec, extent) => ({ kind: 'close-idle', after: spec.after, ...extent }),
  describe: (spec) => ` after ${formatDuration(spec.after)}`,
});

registerSinkKind({
  name: 'sink-discard',
  description: 'The sink accepts batches but neither stores nor emits them: silent loss.',
  params: {},
  toSinkFault: (_spec, extent) => ({ kind: 'discard', ...extent }),
});

registerSinkKind({
  name: 'sink-duplicate',
  description: 'The sink stores batches, then answers 500 so the client sends them again (a TCP line sink: hands them on twice).',
  params: {},
  toSinkFault: (_spec, extent) => ({ kind: 'duplicate', ...extent }),
});
