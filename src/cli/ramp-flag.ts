import { InputError } from '../core/errors.js';
import { parseDuration, parseRate, UnitError } from '../core/units.js';

/** A ramping arrival rate, as `duress load --ramp` writes it (the shape of systems/http's ArrivalRate). */
export interface RampFlag {
  /** Requests per second at the start. */
  startRate: number;
  /** Each stage: the rate moves linearly to `target` (per second) over `durationMs`. */
  stages: { target: number; durationMs: number }[];
}

const EXAMPLES = "e.g. 0-2000/s:30s (from 0 to 2000/s over 30 s), or stages 100/s,2000/s:30s,2000/s:1m,0/s:10s";
/** `A-B/s:D`: one ramp from rate A to rate B (the unit written once, after B) over D. */
const SHORT_RAMP = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(\/[a-z]+):(.+)$/;

/**
 * `--ramp`: the open model with a ramping arrival rate (k6's ramping-arrival-rate). Two forms:
 * - `0-2000/s:30s`: from 0 to 2000/s over 30 s;
 * - stages, comma-separated: `RATE:DURATION` moves the rate to RATE over DURATION (a flat stage repeats
 *   the rate), and a first element without a duration is the start rate (0 when left out):
 *   `100/s,2000/s:30s,2000/s:1m,0/s:10s`.
 * The run lasts as long as the stages together. Throws an InputError naming the element and the expectation.
 */
export function parseRampFlag(text: string): RampFlag {
  const short = SHORT_RAMP.exec(text.trim());
  if (short) {
    const [, from, to, unit, length] = short as unknown as [string, string, string, string, string];
    return { startRate: rateOf(`${from}${unit}`, text), stages: [{ target: rateOf(`${to}${unit}`, text), durationMs: durationOf(length, text) }] };
  }
  const parts = text.split(',').map((p) => p.trim());
  let startRate = 0;
  const stages: RampFlag['stages'] = [];
  parts.forEach((part, i) => {
    const colon = part.lastIndexOf(':');
    if (colon < 0) {
      if (i !== 0) throw new InputError(`--ramp: stage ${JSON.stringify(part)} needs a duration, as RATE:DURATION (${EXAMPLES})`);
      startRate = rateOf(part, part);
      return;
    }
    stages.push({ target: rateOf(part.slice(0, colon), part), durationMs: durationOf(part.slice(colon + 1), part) });
  });
  if (stages.length === 0) throw new InputError(`--ramp: expected at least one stage RATE:DURATION, got ${JSON.stringify(text)} (${EXAMPLES})`);
  if (stages.every((s) => s.target === 0) && startRate === 0) throw new InputError(`--ramp: every rate is 0, so nothing would be sent (${EXAMPLES})`);
  return { startRate, stages };
}

function rateOf(text: string, where: string): number {
  try {
    return parseRate(/^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : text.trim());
  } catch (err) {
    if (err instanceof UnitError) throw new InputError(`--ramp: in ${JSON.stringify(where)}: ${err.message} (${EXAMPLES})`);
    throw err;
  }
}

function durationOf(text: string, where: string): number {
  let ms: number;
  try {
    ms = parseDuration(text.trim());
  } catch (err) {
    if (err instanceof UnitError) throw new InputError(`--ramp: in ${JSON.stringify(where)}: ${err.message} (${EXAMPLES})`);
    throw err;
  }
  if (!(ms > 0)) throw new InputError(`--ramp: in ${JSON.stringify(where)}: expected a duration longer than 0 (${EXAMPLES})`);
  return ms;
}
