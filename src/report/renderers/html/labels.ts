import { formatDuration } from '../../../core/units.js';

const TIME_UNITS = [
  { ms: 86_400_000, suffix: 'd' },
  { ms: 3_600_000, suffix: 'h' },
  { ms: 60_000, suffix: 'm' },
  { ms: 1000, suffix: 's' },
  { ms: 1, suffix: 'ms' },
];

/**
 * Labels for a time axis, all in one unit: the largest the tick step is a whole multiple of, so ticks
 * read `0, 20h, 40h…`, `0, 1d, 2d…` or `0, 30s, 60s…`.
 */
export function timeLabeler(ticks: readonly number[]): (ms: number) => string {
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : (ticks[0] ?? 1);
  const unit = TIME_UNITS.find((u) => step >= u.ms && Math.abs(step / u.ms - Math.round(step / u.ms)) < 1e-9) ?? TIME_UNITS[TIME_UNITS.length - 1]!;
  return (ms) => (ms === 0 ? '0' : `${Number((ms / unit.ms).toPrecision(4))}${unit.suffix}`);
}

/** Axis label of a latency in ms: `500µs`, `20ms`, `1.5s`, `2m`. */
export function latencyLabel(ms: number): string {
  if (ms === 0) return '0';
  if (ms < 1) return `${Number((ms * 1000).toPrecision(3))}µs`;
  if (ms < 1000) return `${Number(ms.toPrecision(3))}ms`;
  return formatDuration(Number(ms.toPrecision(3)));
}

/** Axis label of a rate: `1.2k/s`. */
export function rateLabel(perSecond: number): string {
  if (perSecond >= 1e6) return `${Number((perSecond / 1e6).toPrecision(3))}M/s`;
  if (perSecond >= 1e3) return `${Number((perSecond / 1e3).toPrecision(3))}k/s`;
  return `${Number(perSecond.toPrecision(3))}/s`;
}
