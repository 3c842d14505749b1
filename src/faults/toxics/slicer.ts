import type { Random } from '../../engine/random.js';
import { INTERRUPTED, registerToxic, type Toxic, type ToxicStub } from '../toxic.js';

type SlicerAttributes = { average_size: number; size_variation: number; delay: number };

/** Splits chunks into slices of about `average_size` ± `size_variation` bytes, `delay` µs apart. */
export class SlicerToxic implements Toxic<SlicerAttributes> {
  readonly schema = {
    goName: 'SlicerToxic',
    fields: [
      { key: 'average_size', kind: 'int' },
      { key: 'size_variation', kind: 'int' },
      { key: 'delay', kind: 'int' },
    ],
  } as const;
  readonly attributes = { average_size: 0, size_variation: 0, delay: 0 };

  /** Slice boundaries by recursive halving with ± variation, as pairs [start, end, start, end, …]. */
  chunk(start: number, end: number, random: Random): number[] {
    const average = Math.max(1, this.attributes.average_size);
    const variation = Math.max(0, this.attributes.size_variation);
    if (end - start - average <= variation) return [start, end];
    const jitter = variation > 0 ? Math.floor(random.next() * variation * 2) - variation : 0;
    const mid = Math.min(end - 1, Math.max(start + 1, start + Math.floor((end - start) / 2) + jitter));
    return [...this.chunk(start, mid, random), ...this.chunk(mid, end, random)];
  }

  async pipe(stub: ToxicStub): Promise<void> {
    const delayMs = this.attributes.delay / 1000;
    for (;;) {
      const c = await stub.read();
      if (c === INTERRUPTED) return;
      if (c === null) return stub.close();
      const bounds = this.chunk(0, c.data.length, stub.random);
      for (let i = 1; i < bounds.length; i += 2) {
        const end = bounds[i] as number;
        await stub.write({ data: c.data.subarray(bounds[i - 1], end), timestamp: c.timestamp });
        const goOn = delayMs > 0 ? await stub.sleep(delayMs) : !stub.signal.aborted;
        if (!goOn) {
          if (end < c.data.length) await stub.write({ data: c.data.subarray(end), timestamp: c.timestamp });
          return;
        }
      }
    }
  }
}

registerToxic('slicer', () => new SlicerToxic());
