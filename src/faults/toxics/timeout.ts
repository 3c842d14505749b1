import { INTERRUPTED, TIMED_OUT, registerToxic, type CleanupToxic, type Toxic, type ToxicStub } from '../toxic.js';

/**
 * Toxiproxy's timeout: swallows all data, and closes the connection once `timeout` ms pass without data
 * (0: never on its own; removing the toxic closes the connection). The end of the input is not swallowed:
 * when the far end closes, the connection closes (toxics/timeout.go closes the stub on a nil chunk, in
 * every release from v2.1.4 to v2.12.0). A connection that stays open after the far end is gone is the
 * `silent` toxic, duress's own.
 */
export class TimeoutToxic implements Toxic<{ timeout: number }>, CleanupToxic {
  readonly schema = { goName: 'TimeoutToxic', fields: [{ key: 'timeout', kind: 'int64' }] } as const;
  readonly attributes = { timeout: 0 };

  async pipe(stub: ToxicStub): Promise<void> {
    const { timeout } = this.attributes;
    for (;;) {
      const c = await stub.read(timeout > 0 ? timeout : undefined);
      if (c === INTERRUPTED) return;
      if (c === TIMED_OUT || c === null) return stub.close();
    }
  }

  cleanup(stub: ToxicStub): void {
    stub.close();
  }
}

registerToxic('timeout', () => new TimeoutToxic());
