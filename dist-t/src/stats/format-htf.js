/**
 * Hours as the seed writes them, without the sign: two significant digits below 1 h (`0.083h`), one
 * decimal from 1 h to 10 h (`2.5h`, `3h`), whole hours from 10 h (`80h`, `3500h`). `∞h` for infinity.
 */
export function formatHours(hours) {
    if (Number.isNaN(hours))
        return '-';
    if (hours === Infinity)
        return '∞h';
    if (hours < 0)
        return `-${formatHours(-hours)}`;
    if (hours === 0)
        return '0h';
    if (hours < 1)
        return `${Number(hours.toPrecision(2))}h`;
    if (hours < 10)
        return `${Number(hours.toFixed(1))}h`;
    return `${Math.round(hours)}h`;
}
/** 0.9 → `90%`, 0.995 → `99.5%`. */
export function formatConfidence(confidence) {
    return `${Number((confidence * 100).toPrecision(6))}%`;
}
/**
 * The seed's figure: `+3500h` when there was no failure (the real mean is at least that), `~80h` or
 * `~0.08h` otherwise (an estimate T / r).
 */
export function formatHtf(htf) {
    return `${htf.censored ? '+' : '~'}${formatHours(htf.estimate)}`;
}
/**
 * A confidence bound: `≥ 1520h (90%)` for the lower bound, `≤ 300h (90%)` for the upper one.
 * Undefined for an upper bound that does not exist (no failures).
 */
export function formatHtfBound(htf, side = 'lower') {
    const value = side === 'lower' ? htf.lower : htf.upper;
    if (value === undefined)
        return undefined;
    return `${side === 'lower' ? '≥' : '≤'} ${formatHours(value)} (${formatConfidence(htf.confidence)})`;
}
//# sourceMappingURL=format-htf.js.map