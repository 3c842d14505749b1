import { duration } from '../../core/fields.js';
import { formatDuration } from '../../core/units.js';
import { registerToxicKind } from '../toxic-kind.js';
import { INTERRUPTED, TIMED_OUT } from '../toxic.js';
/**
 * Toxiproxy's timeout: swallows all data, and closes the connection once `timeout` ms pass without data
 * (0: never on its own; removing the toxic closes the connection). The end of the input is not swallowed:
 * when the far end closes, the connection closes (toxics/timeout.go closes the stub on a nil chunk, in
 * every release from v2.1.4 to v2.12.0). A connection that stays open after the far end is gone is the
 * `silent` toxic, duress's own.
 */
export class TimeoutToxic {
    schema = { goName: 'TimeoutToxic', fields: [{ key: 'timeout', kind: 'int64' }] };
    attributes = { timeout: 0 };
    async pipe(stub) {
        const { timeout } = this.attributes;
        for (;;) {
            const c = await stub.read(timeout > 0 ? timeout : undefined);
            if (c === INTERRUPTED)
                return;
            if (c === TIMED_OUT || c === null)
                return stub.close();
        }
    }
    cleanup(stub) {
        stub.close();
    }
}
registerToxicKind({
    name: 'timeout',
    create: () => new TimeoutToxic(),
    description: 'Toxiproxy timeout: data is swallowed, the connection closed after `timeout` without data, or when the far end closes.',
    params: {
        timeout: duration().prefault(0).describe('Close after this long without data; 0: only when the far end closes, or when the fault ends.'),
    },
    attributes: { timeout: { from: 'timeout', unit: 'ms' } },
    stopsData: true,
    describe: (spec) => (spec.timeout > 0 ? ` ${formatDuration(spec.timeout)}` : ' (closes when the far end does)'),
});
//# sourceMappingURL=timeout.js.map