import { INTERRUPTED, registerToxic, type BufferedToxic, type Toxic, type ToxicStub } from '../toxic.js';

/** Delays each chunk by latency ± jitter ms; time the chunk already spent upstream in the chain counts. */
export class LatencyToxic implements Toxic<{ latency: number; jitter: number }>, BufferedToxic {
  readonly schema = {
    goName: 'LatencyToxic',
    fields: [
      { key: 'latency', kind: 'int64' },
      { key: 'jitter', kind: 'int64' },
    ],
  } as const;
  readonly attributes = { latency: 0, jitter: 0 };

  bufferSize(): number {
    return 1024;
  }

  async pipe(stub: ToxicStub): Promise<void> {
    const { latency, jitter } = this.attributes;
    for (;;) {
      const c = await stub.read();
      if (c === INTERRUPTED) return;
      if (c === null) return stub.close();
      const delay = jitter > 0 ? latency + Math.floor(stub.random.next() * 2 * jitter) - jitter : latency;
      const sleep = delay - (stub.clock.now() - c.timestamp);
      if (sleep > 0) {
        if (!(await stub.sleep(sleep))) return stub.write(c);
        c.timestamp += sleep;
      }
      await stub.write(c);
    }
  }
}

registerToxic('latency', () => new LatencyToxic());
