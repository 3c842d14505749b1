import { createHistogram, decodeHistogram, encodeHistogram, mergeHistograms, type Histogram } from '../../metrics/histogram.js';
import type { LoadResult } from './load-options.js';

/**
 * One thread's part of a run, as it crosses from a worker thread to the caller: plain counts and encoded
 * histograms. `startEpochMs`/`endEpochMs` are on the shared time axis (performance.timeOrigin + now).
 */
export interface LoadPart extends Omit<LoadResult, 'elapsedMs'> {
  startEpochMs: number;
  endEpochMs: number;
}

/** What one thread counts while it runs; `part()` freezes it into a LoadPart. */
export class LoadTally {
  due = 0;
  sent = 0;
  responses = 0;
  shortfall = 0;
  bytesReceived = 0;
  readonly statuses = new Map<number, number>();
  readonly errors = new Map<string, number>();
  /** Latencies since the start, or since the last `takeLatency` for a caller that takes them per interval. */
  corrected: Histogram | undefined;
  uncorrected: Histogram = createHistogram();
  /** From due time to send, open model only, for the whole run: not taken per interval (see LoadResult.sendLateness). */
  readonly sendLateness: Histogram | undefined;

  constructor(readonly model: 'open' | 'closed') {
    this.corrected = model === 'open' ? createHistogram() : undefined;
    this.sendLateness = model === 'open' ? createHistogram() : undefined;
  }

  /**
   * The latencies recorded since the last call (or the start), encoded, and empty histograms in their
   * place: for a caller that journals them per interval (the `http` system kind). `undefined` for an
   * empty one. After a take, `part()` holds only what came since.
   */
  takeLatency(): { corrected?: string; uncorrected?: string } {
    const out: { corrected?: string; uncorrected?: string } = {};
    if (this.corrected && this.corrected.totalCount > 0) {
      out.corrected = encodeHistogram(this.corrected);
      this.corrected.reset();
    }
    if (this.uncorrected.totalCount > 0) {
      out.uncorrected = encodeHistogram(this.uncorrected);
      this.uncorrected.reset();
    }
    return out;
  }

  status(code: number): void {
    this.statuses.set(code, (this.statuses.get(code) ?? 0) + 1);
  }

  error(kind: string, count = 1): void {
    if (count > 0) this.errors.set(kind, (this.errors.get(kind) ?? 0) + count);
  }

  get errorCount(): number {
    let n = 0;
    for (const v of this.errors.values()) n += v;
    return n;
  }

  part(startEpochMs: number, endEpochMs: number): LoadPart {
    return {
      model: this.model,
      due: this.model === 'open' ? this.due : this.sent,
      sent: this.sent,
      responses: this.responses,
      statuses: Object.fromEntries([...this.statuses].map(([k, v]) => [String(k), v])),
      errors: Object.fromEntries(this.errors),
      shortfall: this.shortfall,
      bytesReceived: this.bytesReceived,
      ...(this.corrected ? { corrected: encodeHistogram(this.corrected) } : {}),
      uncorrected: encodeHistogram(this.uncorrected),
      ...(this.sendLateness ? { sendLateness: encodeHistogram(this.sendLateness) } : {}),
      startEpochMs,
      endEpochMs,
    };
  }
}

function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/**
 * The whole run from its threads' parts: counts summed, histograms merged without loss (every part has
 * the same explicit range), elapsed from the earliest start to the latest end.
 */
export function mergeLoadParts(parts: readonly LoadPart[]): LoadResult {
  const [first] = parts;
  if (first === undefined) throw new Error('mergeLoadParts: no parts');
  const statuses: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const sum = (pick: (p: LoadPart) => number): number => parts.reduce((n, p) => n + pick(p), 0);
  for (const p of parts) {
    addCounts(statuses, p.statuses);
    addCounts(errors, p.errors);
  }
  const merge = (pick: (p: LoadPart) => string | undefined): string | undefined => {
    const encoded = parts.map(pick).filter((e): e is string => e !== undefined);
    return encoded.length === 0 ? undefined : encodeHistogram(mergeHistograms(encoded.map(decodeHistogram)));
  };
  const corrected = merge((p) => p.corrected);
  const sendLateness = merge((p) => p.sendLateness);
  return {
    model: first.model,
    elapsedMs: Math.max(...parts.map((p) => p.endEpochMs)) - Math.min(...parts.map((p) => p.startEpochMs)),
    due: sum((p) => p.due),
    sent: sum((p) => p.sent),
    responses: sum((p) => p.responses),
    statuses,
    errors,
    shortfall: sum((p) => p.shortfall),
    bytesReceived: sum((p) => p.bytesReceived),
    ...(corrected !== undefined ? { corrected } : {}),
    uncorrected: merge((p) => p.uncorrected) ?? encodeHistogram(createHistogram()),
    ...(sendLateness !== undefined ? { sendLateness } : {}),
  };
}
