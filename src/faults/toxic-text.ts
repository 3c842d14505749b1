import { parseDuration, parseSize, UnitError } from '../core/units.js';
import type { ToxicInput } from './toxic-collection.js';

/**
 * A toxic written as one short line, for the command line (`duress load --fault 'latency 100ms'`):
 *
 *   fault    ::= kind [ amount ] { option }
 *   kind     ::= latency | bandwidth | slow_close | timeout | reset_peer | limit_data
 *   amount   ::= latency: a duration (the latency);   bandwidth: KB/s, a plain number (1 KB = 1000 B, as
 *                Toxiproxy counts);   slow_close: a duration (the delay);   timeout, reset_peer: a duration
 *                (0 or absent: no timer);   limit_data: a size (64KB, 1MB; bytes when plain)
 *   option   ::= "jitter" duration            ; latency only
 *              | "toxicity" ( number | number "%" )   ; the share of connections affected, 0..1
 *              | "upstream" | "downstream"     ; the direction (default downstream, as in Toxiproxy)
 *
 * Durations and sizes use the units of scenario files (core/units.ts). The result is what
 * ProxyCollection/Proxy.addToxic take, in Toxiproxy's wire units (ms, KB/s, bytes).
 */
export class ToxicTextError extends Error {}

const KINDS: Record<string, { amount: 'duration' | 'kbps' | 'size'; attribute: string; required: boolean }> = {
  latency: { amount: 'duration', attribute: 'latency', required: true },
  bandwidth: { amount: 'kbps', attribute: 'rate', required: true },
  slow_close: { amount: 'duration', attribute: 'delay', required: true },
  timeout: { amount: 'duration', attribute: 'timeout', required: false },
  reset_peer: { amount: 'duration', attribute: 'timeout', required: false },
  limit_data: { amount: 'size', attribute: 'bytes', required: true },
};

function unit<T>(word: string, what: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof UnitError) throw new ToxicTextError(`${what}: ${err.message}`);
    throw err;
  }
}

const duration = (word: string, what: string): number => Math.round(unit(word, what, () => parseDuration(word === '0' ? 0 : word)));

export function parseToxicText(text: string): ToxicInput {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  const kindWord = words.shift();
  const kind = kindWord === undefined ? undefined : KINDS[kindWord.toLowerCase()];
  if (kindWord === undefined || kind === undefined) {
    throw new ToxicTextError(`expected a toxic (${Object.keys(KINDS).join(', ')}) such as "latency 100ms", got ${JSON.stringify(text)}`);
  }
  const type = kindWord.toLowerCase();
  const attributes: Record<string, number> = {};
  let stream: 'upstream' | 'downstream' = 'downstream';
  let toxicity = 1;
  const first = words[0];
  if (first !== undefined && /^[0-9.]/.test(first)) {
    words.shift();
    const what = `the ${kind.attribute} of ${type}`;
    if (kind.amount === 'duration') attributes[kind.attribute] = duration(first, what);
    else if (kind.amount === 'size') attributes[kind.attribute] = unit(first, what, () => parseSize(/^\d+$/.test(first) ? Number(first) : first));
    else if (/^\d+$/.test(first)) attributes[kind.attribute] = Number(first);
    else throw new ToxicTextError(`${what}: expected KB/s as a whole number (Toxiproxy's unit, 1 KB = 1000 B), got "${first}"`);
  } else if (kind.required) {
    throw new ToxicTextError(`${type} needs an amount, e.g. ${EXAMPLES[type]}`);
  }
  while (words.length > 0) {
    const word = (words.shift() as string).toLowerCase();
    if (word === 'upstream' || word === 'downstream') {
      stream = word;
    } else if (word === 'jitter' && type === 'latency') {
      const value = words.shift();
      if (value === undefined) throw new ToxicTextError('jitter needs a duration, e.g. "latency 100ms jitter 10ms"');
      attributes.jitter = duration(value, 'jitter');
    } else if (word === 'toxicity') {
      const value = words.shift() ?? '';
      const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(value);
      toxicity = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
      if (!(toxicity >= 0 && toxicity <= 1)) throw new ToxicTextError(`toxicity: expected a share from 0 to 1 (0.5 or 50%), got "${value}"`);
    } else {
      const options = type === 'latency' ? 'jitter, toxicity, upstream, downstream' : 'toxicity, upstream, downstream';
      throw new ToxicTextError(`unexpected "${word}" in ${JSON.stringify(text.trim())}: expected one of ${options}`);
    }
  }
  return { type, stream, toxicity, attributes };
}

const EXAMPLES: Record<string, string> = {
  latency: '"latency 100ms"',
  bandwidth: '"bandwidth 100" (KB/s)',
  slow_close: '"slow_close 1s"',
  limit_data: '"limit_data 64KB"',
};
