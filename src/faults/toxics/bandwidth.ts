import { z } from 'zod';
import { registerToxicKind } from '../toxic-kind.js';
import { INTERRUPTED, type Toxic, type ToxicStub } from '../toxic.js';

const SLICE_MS = 100;

/** Limits throughput to `rate` KB/s (1 KB = 1000 B); big chunks go out in 100 ms slices. Rate 0 stalls. */
export class BandwidthToxic implements Toxic<{ rate: number }> {
  readonly schema = { goName: 'BandwidthToxic', fields: [{ key: 'rate', kind: 'int64' }] } as const;
  readonly attributes = { rate: 0 };

  async pipe(stub: ToxicStub): Promise<void> {
    const { rate } = this.attributes;
    const sliceBytes = rate * SLICE_MS;
    // Scenario ms owed: positive means we are ahead of the rate and must wait.
    let owed = 0;
    for (;;) {
      const c = await stub.read();
      if (c === INTERRUPTED) return;
      if (c === null) return stub.close();
      owed = rate > 0 ? owed + c.data.length / rate : 0;
      let data = c.data;
      while (data.length > sliceBytes) {
        if (!(await stub.sleep(SLICE_MS))) return stub.write({ data, timestamp: c.timestamp });
        if (sliceBytes <= 0) continue;
        await stub.write({ data: data.subarray(0, sliceBytes), timestamp: c.timestamp });
        data = data.subarray(sliceBytes);
        owed -= SLICE_MS;
      }
      const start = stub.clock.now();
      if (owed > 0 && !(await stub.sleep(owed))) return stub.write({ data, timestamp: c.timestamp });
      owed -= stub.clock.now() - start;
      await stub.write({ data, timestamp: c.timestamp });
    }
  }
}

registerToxicKind({
  name: 'bandwidth',
  create: () => new BandwidthToxic(),
  description: 'Toxiproxy bandwidth: throughput limited to `rate` KB/s.',
  params: {
    rate: z.int().min(0).describe('KB per second, 1 KB = 1000 bytes as Toxiproxy counts; 0 stalls the stream.'),
  },
  attributes: { rate: { from: 'rate', unit: 'KB/s' } },
  stopsData: false,
  // Rate 0 holds the stream: nothing passes and nothing is dropped, the sender backs up.
  stalls: (spec) => spec['rate'] === 0,
  describe: (spec) => ` ${spec.rate}KB/s`,
});
