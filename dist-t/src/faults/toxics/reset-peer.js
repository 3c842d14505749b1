import { duration } from '../../core/fields.js';
import { formatDuration } from '../../core/units.js';
import { registerToxicKind } from '../toxic-kind.js';
import { INTERRUPTED } from '../toxic.js';
/** On the first chunk (or EOF) waits `timeout` ms, then resets both sockets (TCP RST); that chunk is dropped. */
export class ResetPeerToxic {
    schema = { goName: 'ResetToxic', fields: [{ key: 'timeout', kind: 'int64' }] };
    attributes = { timeout: 0 };
    resetsConnection = true;
    async pipe(stub) {
        const c = await stub.read();
        if (c === INTERRUPTED)
            return;
        if (!(await stub.sleep(this.attributes.timeout))) {
            if (c !== null)
                await stub.write(c);
            return;
        }
        stub.close('reset');
    }
}
registerToxicKind({
    name: 'reset_peer',
    create: () => new ResetPeerToxic(),
    description: 'Toxiproxy reset_peer: on the first data, after `timeout`, the connection is reset (TCP RST).',
    params: { timeout: duration().prefault(0).describe('Wait before the reset.') },
    attributes: { timeout: { from: 'timeout', unit: 'ms' } },
    stopsData: true,
    describe: (spec) => ` after ${formatDuration(spec.timeout)}`,
});
//# sourceMappingURL=reset-peer.js.map