import { formatDuration, formatSize } from '../core/units.js';
import type { FaultSpec } from './fault-spec.js';

/** What a fault does, in a few words: `latency 200ms±20ms`, `sink-error 503`, `bandwidth 100KB/s upstream`. */
export function describeFault(spec: FaultSpec): string {
  let text = `${spec.kind}${parameters(spec)}`;
  if ('stream' in spec && spec.stream === 'upstream') text += ' upstream';
  if ('toxicity' in spec && spec.toxicity < 1) text += ` (toxicity ${spec.toxicity})`;
  if ('link' in spec && spec.link !== undefined && spec.link !== 'sink') text += ` on ${spec.link}`;
  return text;
}

function withJitter(value: number, jitter: number): string {
  return jitter > 0 ? `${formatDuration(value)}±${formatDuration(jitter)}` : formatDuration(value);
}

function parameters(spec: FaultSpec): string {
  switch (spec.kind) {
    case 'latency':
      return ` ${withJitter(spec.latency, spec.jitter)}`;
    case 'bandwidth':
      return ` ${spec.rate}KB/s`;
    case 'slow_close':
      return ` ${formatDuration(spec.delay)}`;
    case 'timeout':
      return spec.timeout > 0 ? ` ${formatDuration(spec.timeout)}` : ' (closes when the far end does)';
    case 'silent':
      return spec.timeout > 0 ? ` ${formatDuration(spec.timeout)}` : ' (never closes)';
    case 'reset_peer':
      return ` after ${formatDuration(spec.timeout)}`;
    case 'slicer': {
      const variation = spec.sizeVariation > 0 ? `±${formatSize(spec.sizeVariation)}` : '';
      return ` ${formatSize(spec.averageSize)}${variation} slices${spec.delay > 0 ? ` ${formatDuration(spec.delay)} apart` : ''}`;
    }
    case 'limit_data':
      return ` ${formatSize(spec.bytes)}`;
    case 'dns-delay':
      return ` ${withJitter(spec.delay, spec.jitter)}`;
    case 'dns-wrong-address':
      return ` ${spec.address.join(',')}`;
    case 'sink-error':
      return ` ${spec.status}`;
    case 'sink-slow':
      return ` ${formatDuration(spec.latency)}`;
    case 'sink-drop-connection':
      return spec.afterStore ? ' after store' : '';
    case 'sink-close-idle':
      return ` after ${formatDuration(spec.after)}`;
    default:
      return '';
  }
}
