import { formatDuration } from '../../../core/units.js';
export function linearScale(domain, range, ticks) {
    const [d0, d1] = domain;
    const [r0, r1] = range;
    const span = d1 - d0 || 1;
    const scale = ((v) => r0 + ((v - d0) / span) * (r1 - r0));
    scale.ticks = ticks.filter((t) => t >= d0 - 1e-9 && t <= d1 + 1e-9);
    return scale;
}
/** Log10 scale; values at or below 0 are drawn at the domain's low end. Ticks at powers of ten unless given. */
export function logScale(domain, range, ticks) {
    const l0 = Math.log10(domain[0]);
    const l1 = Math.log10(domain[1]);
    const [r0, r1] = range;
    const span = l1 - l0 || 1;
    const scale = ((v) => r0 + ((Math.log10(Math.max(v, domain[0])) - l0) / span) * (r1 - r0));
    if (ticks) {
        scale.ticks = ticks.filter((t) => t >= domain[0] * (1 - 1e-9) && t <= domain[1] * (1 + 1e-9));
    }
    else {
        scale.ticks = [];
        for (let e = Math.ceil(l0 - 1e-9); e <= Math.floor(l1 + 1e-9); e++)
            scale.ticks.push(10 ** e);
    }
    return scale;
}
/**
 * Durations (ms) a log axis can stop at: decades up to 10 s, then the units people read, about ×10 apart
 * (1 min, 10 min, 1 h, 10 h, 1 d), rather than 100 s or 1000 s.
 */
const LOG_DURATION_TICKS_MS = [0.001, 0.01, 0.1, 1, 10, 100, 1e3, 10e3, 60e3, 600e3, 3600e3, 36000e3, 86400e3, 864000e3, 8640000e3];
/** A log scale of durations (ms) from the tick at or below `min` to the tick at or above `max`. */
export function logDurationScale(min, max, range) {
    const t = LOG_DURATION_TICKS_MS;
    const lo = t.findLast((v) => v <= min) ?? t[0];
    const hi = t.find((v) => v >= max) ?? 10 ** Math.ceil(Math.log10(max));
    return logScale([lo, hi], range, t);
}
/** Round numbers (1, 2, 5 × 10^k) from 0 to at least `max`, about `count` of them. */
export function niceTicks(max, count = 5) {
    if (!(max > 0))
        return [0, 1];
    const raw = max / count;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
    const ticks = [];
    for (let t = 0; t < max + step - 1e-9; t += step)
        ticks.push(Number(t.toPrecision(12)));
    return ticks;
}
const TIME_STEPS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 10e3, 15e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 7200e3, 10800e3, 14400e3, 21600e3, 36000e3, 43200e3, 72000e3, 86400e3, 172800e3, 180000e3, 360000e3, 604800e3];
/** Ticks on a time axis (ms) at round durations: 5s, 30s, 1m, 15m, 1h, 6h, 1d… */
export function timeTicks(maxMs, count = 6) {
    if (!(maxMs > 0))
        return [0];
    const step = TIME_STEPS_MS.find((s) => maxMs / s <= count) ?? maxMs / count;
    const ticks = [];
    for (let t = 0; t <= maxMs + 1e-9; t += step)
        ticks.push(t);
    return ticks;
}
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
export function timeLabeler(ticks) {
    const step = ticks.length > 1 ? ticks[1] - ticks[0] : (ticks[0] ?? 1);
    const unit = TIME_UNITS.find((u) => step >= u.ms && Math.abs(step / u.ms - Math.round(step / u.ms)) < 1e-9) ?? TIME_UNITS[TIME_UNITS.length - 1];
    return (ms) => (ms === 0 ? '0' : `${Number((ms / unit.ms).toPrecision(4))}${unit.suffix}`);
}
/** Axis label of a latency in ms: `500µs`, `20ms`, `1.5s`, `2m`. */
export function latencyLabel(ms) {
    if (ms === 0)
        return '0';
    if (ms < 1)
        return `${Number((ms * 1000).toPrecision(3))}µs`;
    if (ms < 1000)
        return `${Number(ms.toPrecision(3))}ms`;
    return formatDuration(Number(ms.toPrecision(3)));
}
/** Axis label of a rate: `1.2k/s`. */
export function rateLabel(perSecond) {
    if (perSecond >= 1e6)
        return `${Number((perSecond / 1e6).toPrecision(3))}M/s`;
    if (perSecond >= 1e3)
        return `${Number((perSecond / 1e3).toPrecision(3))}k/s`;
    return `${Number(perSecond.toPrecision(3))}/s`;
}
//# sourceMappingURL=scale.js.map