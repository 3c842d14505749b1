import { INTERRUPTED, registerToxic, type Toxic, type ToxicStub } from '../toxic.js';

/** On the first chunk (or EOF) waits `timeout` ms, then resets both sockets (TCP RST); that chunk is dropped. */
export class ResetPeerToxic implements Toxic<{ timeout: number }> {
  readonly schema = { goName: 'ResetToxic', fields: [{ key: 'timeout', kind: 'int64' }] } as const;
  readonly attributes = { timeout: 0 };

  async pipe(stub: ToxicStub): Promise<void> {
    const c = await stub.read();
    if (c === INTERRUPTED) return;
    if (!(await stub.sleep(this.attributes.timeout))) {
      if (c !== null) await stub.write(c);
      return;
    }
    stub.close('reset');
  }
}

registerToxic('reset_peer', () => new ResetPeerToxic());
