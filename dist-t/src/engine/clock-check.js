import { InputError } from '../core/errors.js';
import { kindOf } from '../faults/fault-kinds.js';
import { sinkKinds } from '../sinks/registry.js';
import { systemKinds } from '../systems/registry.js';
import { formatDuration } from '../core/units.js';
import { MIN_FAITHFUL_WALL_MS } from '../core/clock.js';
import { EXPECTED_HARNESS_LAG_WALL_MS, LAG_TROUBLE_SHARE, latencyThresholds } from './harness-lag.js';
/**
 * The scenario's durations that the clock scales, with their key paths. Zero means "none" or "off"
 * for every one of these, so zeros are left out.
 */
export function scaledDurations(s) {
    const kind = systemKinds.get(s.system.kind);
    const list = [...kind.scaledDurations(s.system)];
    // The sink's durations count only when the system writes to it (a kind with no sink ignores the scenario's).
    if (kind.sink(s.system) !== undefined)
        list.push(...sinkKinds.get(s.sink.kind).scaledDurations(s.sink));
    list.push({ path: 'failures.hangWindow', ms: s.failures.hangWindow }, { path: 'report.interval', ms: s.report.interval });
    s.faults.forEach((f, i) => {
        for (const key of kindOf(f).scaledDurations) {
            const value = f[key];
            if (typeof value === 'number')
                list.push({ path: `faults[${i}].${key}`, ms: value });
        }
        if (f.for)
            list.push({ path: `faults[${i}].for`, ms: f.for.min });
    });
    return list.filter((d) => d.ms > 0);
}
/**
 * The watchdog tells a hung instance from a busy one by its heartbeats (every 50 ms of wall time); a hang
 * window shorter than this much wall time would declare hangs out of scheduling noise.
 */
export const MIN_HANG_WINDOW_WALL_MS = 1000;
/**
 * Refuses a clock speed at which some scaled duration would fall below what this machine can time
 * faithfully (Node timers have 1 ms granularity and fire a few ms late under load), or at which the
 * hang window would be too short for the watchdog to judge.
 */
export function checkClockSpeed(s, source) {
    const speed = s.clock.speed;
    const wallClockOnly = systemKinds.get(s.system.kind).wallClockOnly?.(s.system);
    if (wallClockOnly !== undefined && speed !== 1) {
        throw new InputError(`${source}: clock.speed ${speed} cannot apply to ${systemKinds.get(s.system.kind).noun}: ${wallClockOnly}`, {
            hint: 'leave out clock.speed (or set it to 1): the scenario then runs in real time',
        });
    }
    if (s.failures.hangWindow / speed < MIN_HANG_WINDOW_WALL_MS) {
        throw new InputError(`${source}: clock.speed ${speed} is too fast for failures.hangWindow (${formatDuration(s.failures.hangWindow)}): it would last ` +
            `${(s.failures.hangWindow / speed).toFixed(0)} ms of wall time, and the watchdog needs at least ${MIN_HANG_WINDOW_WALL_MS} ms to tell a hang from a busy machine`, { hint: `use clock.speed ${Math.floor(s.failures.hangWindow / MIN_HANG_WINDOW_WALL_MS)} or less, or a longer failures.hangWindow` });
    }
    checkLagAgainstThresholds(s, source);
    const tooShort = scaledDurations(s).filter((d) => d.ms / speed < MIN_FAITHFUL_WALL_MS);
    if (tooShort.length === 0)
        return;
    const worst = tooShort.reduce((a, b) => (a.ms <= b.ms ? a : b));
    const maxSpeed = Math.floor(worst.ms / MIN_FAITHFUL_WALL_MS);
    throw new InputError(`${source}: clock.speed ${speed} is too fast: ${tooShort.map((d) => `${d.path} (${formatDuration(d.ms)}) would last ${(d.ms / speed).toFixed(2)} ms of wall time`).join('; ')}, ` +
        `below the ${MIN_FAITHFUL_WALL_MS} ms this machine can time faithfully`, { hint: maxSpeed >= 1 ? `use clock.speed ${maxSpeed} or less, or lengthen ${worst.path}` : `lengthen ${worst.path} to at least ${formatDuration(MIN_FAITHFUL_WALL_MS * speed)}` });
}
/**
 * Refuses a clock speed at which duress's own ordinary event-loop delay (EXPECTED_HARNESS_LAG_WALL_MS: a
 * full collection, a burst through the proxies), times the speed, would reach LAG_TROUBLE_SHARE of a
 * latency threshold: the threshold would judge duress, not the system. Only a scaled clock multiplies lag;
 * at speed 1 a stall is ordinary wall-clock jitter, as for any load tester, and the report flags the
 * figures it may have distorted. (The hang window is covered by MIN_HANG_WINDOW_WALL_MS; lag measured
 * during the run is reported and flagged: harness-lag.ts.)
 */
function checkLagAgainstThresholds(s, source) {
    const speed = s.clock.speed;
    if (speed <= 1)
        return;
    const lagScenarioMs = EXPECTED_HARNESS_LAG_WALL_MS * speed;
    const hit = latencyThresholds(s).filter((t) => lagScenarioMs >= LAG_TROUBLE_SHARE * t.ms);
    if (hit.length === 0)
        return;
    const tightest = hit.reduce((a, b) => (a.ms <= b.ms ? a : b));
    const maxSpeed = Math.floor((LAG_TROUBLE_SHARE * tightest.ms) / EXPECTED_HARNESS_LAG_WALL_MS);
    throw new InputError(`${source}: clock.speed ${speed} is too fast for the threshold "${tightest.expression}": an ordinary ${EXPECTED_HARNESS_LAG_WALL_MS} ms stall of duress's own event loop ` +
        `would read as ${formatDuration(lagScenarioMs)} of scenario latency, at least ${LAG_TROUBLE_SHARE * 100}% of its bound`, { hint: maxSpeed >= 1 ? `use clock.speed ${maxSpeed} or less, or a looser threshold` : `loosen the threshold to at least ${formatDuration(lagScenarioMs / LAG_TROUBLE_SHARE)}` });
}
//# sourceMappingURL=clock-check.js.map