import { INTERRUPTED, registerToxic, type Toxic, type ToxicStub } from '../toxic.js';

/** Passes data through, but holds the close for `delay` ms after EOF arrives. */
export class SlowCloseToxic implements Toxic<{ delay: number }> {
  readonly schema = { goName: 'SlowCloseToxic', fields: [{ key: 'delay', kind: 'int64' }] } as const;
  readonly attributes = { delay: 0 };

  async pipe(stub: ToxicStub): Promise<void> {
    for (;;) {
      const c = await stub.read();
      if (c === INTERRUPTED) return;
      if (c === null) {
        if (await stub.sleep(this.attributes.delay)) stub.close();
        return;
      }
      await stub.write(c);
    }
  }
}

registerToxic('slow_close', () => new SlowCloseToxic());
