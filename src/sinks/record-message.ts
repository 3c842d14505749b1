/**
 * The message of a generated record carries its identity, so the ledger can account for it wherever it
 * lands: `duress|<source>|<seq>|<scheduled ms>|<padding>`. `source` names the instance that generated it
 * (unique within a run, renewals included), `seq` counts from 0 without gaps per source, and the time is
 * the scenario epoch time at which the generator was scheduled to produce it (so latency measured from it
 * includes time the input was held back: no coordinated omission).
 */
export interface RecordIdentity {
  source: string;
  seq: number;
  scheduledAt: number;
}

const PREFIX = 'duress|';

export function formatRecordMessage(source: string, seq: number, scheduledAt: number, size: number): string {
  const head = `${PREFIX}${source}|${seq}|${scheduledAt.toFixed(3)}|`;
  return head.length >= size ? head : head + 'x'.repeat(size - head.length);
}

/** Returns undefined for a message that was not made by duress's generator (it is counted as foreign). */
export function parseRecordMessage(message: string): RecordIdentity | undefined {
  if (!message.startsWith(PREFIX)) return undefined;
  const a = message.indexOf('|', PREFIX.length);
  const b = a < 0 ? -1 : message.indexOf('|', a + 1);
  const c = b < 0 ? -1 : message.indexOf('|', b + 1);
  if (c < 0) return undefined;
  const seq = Number(message.slice(a + 1, b));
  const scheduledAt = Number(message.slice(b + 1, c));
  if (!Number.isInteger(seq) || seq < 0 || !Number.isFinite(scheduledAt)) return undefined;
  return { source: message.slice(PREFIX.length, a), seq, scheduledAt };
}
