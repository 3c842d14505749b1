import { INTERRUPTED, registerToxic } from '../toxic.js';
/** Passes data through unchanged. Heads every chain (hidden) so the first real toxic can be paused. */
export class NoopToxic {
    schema = { goName: 'NoopToxic', fields: [] };
    attributes = {};
    async pipe(stub) {
        for (;;) {
            const c = await stub.read();
            if (c === INTERRUPTED)
                return;
            if (c === null)
                return stub.close();
            await stub.write(c);
        }
    }
}
registerToxic('noop', () => new NoopToxic());
//# sourceMappingURL=noop.js.map