import { INTERRUPTED, TIMED_OUT, registerToxic, type CleanupToxic, type Toxic, type ToxicStub } from '../toxic.js';

/**
 * Swallows all data, and closes the connection once `timeout` ms pass without data (0: never; removing the
 * toxic closes the connection). The end of the input is swallowed too: Toxiproxy's timeout toxic keeps
 * receiving from its closed input channel (nil, at once, forever), so after an EOF its timer never fires
 * again and the connection stays open and silent. A close from the other end never gets through.
 */
export class TimeoutToxic implements Toxic<{ timeout: number }>, CleanupToxic {
  readonly schema = { goName: 'TimeoutToxic', fields: [{ key: 'timeout', kind: 'int64' }] } as const;
  readonly attributes = { timeout: 0 };

  async pipe(stub: ToxicStub): Promise<void> {
    const { timeout } = this.attributes;
    for (;;) {
      const c = await stub.read(timeout > 0 ? timeout : undefined);
      if (c === INTERRUPTED) return;
      if (c === TIMED_OUT) return stub.close();
      if (c === null) {
        while (await stub.sleep(2 ** 31 - 1));
        return;
      }
    }
  }

  cleanup(stub: ToxicStub): void {
    stub.close();
  }
}

registerToxic('timeout', () => new TimeoutToxic());
