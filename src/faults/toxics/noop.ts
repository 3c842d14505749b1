import { INTERRUPTED, registerToxic, type Toxic, type ToxicStub } from '../toxic.js';

/** Passes data through unchanged. Heads every chain (hidden) so the first real toxic can be paused. */
export class NoopToxic implements Toxic<Record<string, never>> {
  readonly schema = { goName: 'NoopToxic', fields: [] };
  readonly attributes = {};

  async pipe(stub: ToxicStub): Promise<void> {
    for (;;) {
      const c = await stub.read();
      if (c === INTERRUPTED) return;
      if (c === null) return stub.close();
      await stub.write(c);
    }
  }
}

registerToxic('noop', () => new NoopToxic());
