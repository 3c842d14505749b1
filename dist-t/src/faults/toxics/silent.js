import { duration } from '../../core/fields.js';
import { formatDuration } from '../../core/units.js';
import { registerToxicKind } from '../toxic-kind.js';
import { INTERRUPTED, TIMED_OUT } from '../toxic.js';
/**
 * duress's own toxic (real Toxiproxy has none by this name): the connection goes silent and stays open
 * after the far end is gone. All data is swallowed, and so is the end of the stream: when the far end
 * closes, this direction never passes the close on, so the other side sees an open connection that sends
 * nothing, forever (the hang behind Fluent Bit's sync-stack reports, where a forwarder waits on a socket
 * whose server left). With `timeout` > 0 the connection is closed once that many ms pass without data
 * while the far end is still open; after the far end closed it is never closed by this toxic. Removing the
 * toxic closes the connection, as Toxiproxy's timeout does.
 *
 * This was duress's `timeout` toxic before it was made to match Toxiproxy's, which closes on the far end's close.
 */
export class SilentToxic {
    schema = { goName: 'SilentToxic', fields: [{ key: 'timeout', kind: 'int64' }] };
    attributes = { timeout: 0 };
    async pipe(stub) {
        const { timeout } = this.attributes;
        for (;;) {
            const c = await stub.read(timeout > 0 ? timeout : undefined);
            if (c === INTERRUPTED)
                return;
            if (c === TIMED_OUT)
                return stub.close();
            if (c === null) {
                // The far end is gone: hold the end back until interrupted (an update re-runs this; removal closes).
                while (await stub.sleep(2 ** 31 - 1))
                    ;
                return;
            }
        }
    }
    cleanup(stub) {
        stub.close();
    }
}
registerToxicKind({
    name: 'silent',
    create: () => new SilentToxic(),
    description: "duress's own (not in Toxiproxy, refused with --toxiproxy): data and the far end's close are swallowed, so the connection stays open and silent after the server is gone.",
    params: {
        timeout: duration().prefault(0).describe('Close after this long without data while the far end is open; 0: never (the connection closes when the fault ends).'),
    },
    attributes: { timeout: { from: 'timeout', unit: 'ms' } },
    stopsData: true,
    holdsEnd: true,
    notInToxiproxy: { instead: "use kind timeout (Toxiproxy's, which closes the connection when the far end closes)" },
    describe: (spec) => (spec.timeout > 0 ? ` ${formatDuration(spec.timeout)}` : ' (never closes)'),
});
//# sourceMappingURL=silent.js.map