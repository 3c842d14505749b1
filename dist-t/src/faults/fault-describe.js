import { formatDuration } from '../core/units.js';
import { kindOf } from './fault-kinds.js';
/** What a fault does, in a few words: `latency 200ms±20ms`, `sink-error 503`, `bandwidth 100KB/s upstream`. */
export function describeFault(spec) {
    let text = `${spec.kind}${kindOf(spec).describe(spec)}`;
    if (spec['stream'] === 'upstream')
        text += ' upstream';
    if (typeof spec['toxicity'] === 'number' && spec['toxicity'] < 1)
        text += ` (toxicity ${spec['toxicity']})`;
    if (typeof spec['link'] === 'string' && spec['link'] !== 'sink')
        text += ` on ${spec['link']}`;
    return text;
}
/** `200ms±20ms`, or `200ms` without jitter: for kinds' `describe`. */
export function withJitter(value, jitter) {
    return jitter > 0 ? `${formatDuration(value)}±${formatDuration(jitter)}` : formatDuration(value);
}
//# sourceMappingURL=fault-describe.js.map