import { duration } from '../../core/fields.js';
import { formatDuration } from '../../core/units.js';
import { registerToxicKind } from '../toxic-kind.js';
import { INTERRUPTED } from '../toxic.js';
/** Passes data through, but holds the close for `delay` ms after EOF arrives. */
export class SlowCloseToxic {
    schema = { goName: 'SlowCloseToxic', fields: [{ key: 'delay', kind: 'int64' }] };
    attributes = { delay: 0 };
    async pipe(stub) {
        for (;;) {
            const c = await stub.read();
            if (c === INTERRUPTED)
                return;
            if (c === null) {
                if (await stub.sleep(this.attributes.delay))
                    stub.close();
                return;
            }
            await stub.write(c);
        }
    }
}
registerToxicKind({
    name: 'slow_close',
    create: () => new SlowCloseToxic(),
    description: 'Toxiproxy slow_close: the close is held back after the stream ends.',
    params: { delay: duration().describe('How long the close is held back.') },
    attributes: { delay: { from: 'delay', unit: 'ms' } },
    stopsData: false,
    describe: (spec) => ` ${formatDuration(spec.delay)}`,
});
//# sourceMappingURL=slow-close.js.map