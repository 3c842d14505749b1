import { size } from '../../core/fields.js';
import { formatSize } from '../../core/units.js';
import { registerToxicKind } from '../toxic-kind.js';
import { INTERRUPTED } from '../toxic.js';
/** Forwards up to `bytes` bytes per connection direction, then closes the connection. */
export class LimitDataToxic {
    schema = { goName: 'LimitDataToxic', fields: [{ key: 'bytes', kind: 'int64' }] };
    attributes = { bytes: 0 };
    newState() {
        return { bytesTransmitted: 0 };
    }
    async pipe(stub) {
        const state = stub.state;
        const limit = this.attributes.bytes;
        for (;;) {
            const c = await stub.read();
            if (c === INTERRUPTED)
                return;
            if (c === null)
                return stub.close();
            const remaining = Math.max(0, limit - state.bytesTransmitted);
            const data = remaining < c.data.length ? c.data.subarray(0, remaining) : c.data;
            if (data.length > 0) {
                state.bytesTransmitted += data.length;
                await stub.write({ data, timestamp: c.timestamp });
            }
            if (limit - state.bytesTransmitted <= 0)
                return stub.close();
        }
    }
}
registerToxicKind({
    name: 'limit_data',
    create: () => new LimitDataToxic(),
    description: 'Toxiproxy limit_data: the connection is closed after `bytes` bytes.',
    params: { bytes: size({ positive: true }).describe('Bytes that pass per connection direction before it is closed.') },
    attributes: { bytes: { from: 'bytes', unit: 'bytes' } },
    stopsData: true,
    describe: (spec) => ` ${formatSize(spec.bytes)}`,
});
//# sourceMappingURL=limit-data.js.map