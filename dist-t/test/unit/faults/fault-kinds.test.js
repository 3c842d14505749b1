import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { faultKind, faultKinds, kindOf, registerFaultKind } from '../../../src/faults/fault-kinds.js';
import { createToxic } from '../../../src/faults/toxic.js';
import '../../../src/scenario/fault-kinds.js';
function toyKind(name, acts, params = {}) {
    return {
        name,
        description: 'a toy',
        acts,
        params,
        defaultTarget: 'all',
        scaledDurations: [],
        stopsData: false,
        describe: () => '',
        apply: async () => async () => { },
    };
}
describe('fault-kind registry', () => {
    it('lists the kinds by what they act on (link, dns, sink, instance), then in registration order', () => {
        registerFaultKind(toyKind('toy-instance', 'instance'));
        registerFaultKind(toyKind('toy-link', 'link'));
        const names = faultKinds().map((k) => k.name);
        const family = (n) => kindOf({ kind: n }).acts;
        const families = names.map(family);
        assert.deepEqual(families, [...families].sort((a, b) => ['link', 'dns', 'sink', 'instance'].indexOf(a) - ['link', 'dns', 'sink', 'instance'].indexOf(b)));
        assert.equal(names.indexOf('toy-link'), families.lastIndexOf('link'), 'a later link kind comes after the built-in ones');
        assert.equal(names.at(-1), 'toy-instance');
    });
    it('refuses a second kind of the same name, a malformed name, and a parameter named like a common key', () => {
        assert.throws(() => registerFaultKind(toyKind('latency', 'link')), /fault kind latency is already registered/);
        assert.throws(() => registerFaultKind(toyKind('Bad Name', 'link')), /expected lower-case letters/);
        assert.throws(() => registerFaultKind(toyKind('toy-clash', 'link', { every: z.number() })), /parameter every would hide the key/);
        assert.equal(faultKind('toy-clash'), undefined);
    });
    it('gives every built-in toxic kind its implementation in the proxy, and no other kind one', () => {
        for (const kind of faultKinds()) {
            if (kind.name.startsWith('toy-'))
                continue;
            assert.equal(createToxic(kind.name) !== undefined, kind.acts === 'link' && kind.name !== 'down', kind.name);
        }
        assert.throws(() => kindOf({ kind: 'nosuch' }), /fault kind nosuch is not registered/);
    });
});
//# sourceMappingURL=fault-kinds.test.js.map