import { INTERRUPTED, TIMED_OUT, registerToxic, type CleanupToxic, type Toxic, type ToxicStub } from '../toxic.js';

/**
 * Swallows all data and closes the connection once `timeout` ms pass without data (0: never closes, the
 * data is held back until the toxic is removed, which closes the connection).
 */
export class TimeoutToxic implements Toxic<{ timeout: number }>, CleanupToxic {
  readonly schema = { goName: 'TimeoutToxic', fields: [{ key: 'timeout', kind: 'int64' }] } as const;
  readonly attributes = { timeout: 0 };

  async pipe(stub: ToxicStub): Promise<void> {
    const { timeout } = this.attributes;
    for (;;) {
      const c = await stub.read(timeout > 0 ? timeout : undefined);
      if (c === INTERRUPTED) return;
      if (c === null || c === TIMED_OUT) return stub.close();
    }
  }

  cleanup(stub: ToxicStub): void {
    stub.close();
  }
}

registerToxic('timeout', () => new TimeoutToxic());
