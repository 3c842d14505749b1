import { z } from 'zod';
import { registerFaultKind } from '../../faults/fault-kinds.js';
import { duration, flag } from '../../core/fields.js';
import { formatDuration } from '../../core/units.js';
const toMockFault = new Map();
/** The mock sink's form of a sink fault; the engine adds it when an occurrence starts and removes it when it ends. */
export function toSinkFault(spec, options = {}) {
    const convert = toMockFault.get(spec.kind);
    if (!convert)
        throw new Error(`fault kind ${spec.kind} is not a fault of the CloudWatch sink`);
    return convert(spec, options);
}
function hasFaults(sink) {
    const faults = sink?.faults;
    return typeof faults?.add === 'function' && typeof faults.remove === 'function';
}
function registerSinkKind(options) {
    const perStream = options.perStream ?? true;
    const convert = (spec, o) => options.toSinkFault(spec, {
        ...(o.streams === undefined || !perStream ? {} : { streams: [...o.streams] }),
        ...(o.for === undefined ? {} : { for: o.for }),
    });
    const kind = {
        name: options.name,
        description: options.description,
        acts: 'sink',
        sink: 'cloudwatch',
        params: options.params,
        defaultTarget: 'all',
        scaledDurations: options.scaledDurations ?? [],
        stopsData: false,
        describe: (spec) => options.describe?.(spec) ?? '',
        async apply(occurrence, targets) {
            const sink = targets.sink;
            if (!hasFaults(sink))
                throw new Error(`${options.name} needs a sink, and this system has none`);
            const id = sink.faults.add(convert(occurrence.spec, { streams: occurrence.instances.map((s) => targets.stream(s)) }));
            return async () => {
                sink.faults.remove(id);
            };
        },
    };
    toMockFault.set(options.name, (spec, o) => convert(spec, o));
    registerFaultKind(kind);
}
registerSinkKind({
    name: 'sink-throttle',
    description: 'The sink answers every PutLogEvents with ThrottlingException.',
    params: {},
    toSinkFault: (_spec, extent) => ({ kind: 'throttle', ...extent }),
});
registerSinkKind({
    name: 'sink-error',
    description: 'The sink answers requests with a 500 or 503 ServiceUnavailableException.',
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
    description: 'The sink destroys the connection mid-response.',
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
    description: 'The sink stores batches, then answers 500 so the client sends them again.',
    params: {},
    toSinkFault: (_spec, extent) => ({ kind: 'duplicate', ...extent }),
});
//# sourceMappingURL=fault-kinds.js.map