import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGoJson } from '../../../src/faults/go-json.js';
import { applyAttributes, attributeEntries, copyToxic, createToxic, registerToxic, toxicTypes } from '../../../src/faults/toxic.js';
import '../../../src/faults/toxics/index.js';
const attrs = (t) => Object.fromEntries(attributeEntries(t));
describe('toxic registry', () => {
    it('registers every built-in toxic under its Toxiproxy wire name, and duress\'s own silent', () => {
        for (const type of ['bandwidth', 'latency', 'limit_data', 'noop', 'reset_peer', 'slicer', 'slow_close', 'timeout', 'silent']) {
            assert.ok(toxicTypes().includes(type), type);
        }
        assert.equal(createToxic('down'), undefined);
        assert.equal(createToxic('nosuch'), undefined);
    });
    it('makes fresh instances with zero defaults, attributes in Toxiproxy’s JSON order', () => {
        assert.deepEqual(attributeEntries(createToxic('latency')), [['latency', 0], ['jitter', 0]]);
        assert.deepEqual(attributeEntries(createToxic('slicer')), [['average_size', 0], ['size_variation', 0], ['delay', 0]]);
        assert.deepEqual(attrs(createToxic('noop')), {});
        const a = createToxic('bandwidth');
        const b = createToxic('bandwidth');
        assert.notEqual(a, b);
    });
    it('applies attributes as Go decodes them: integers only, unknown keys ignored, omitted keys kept', () => {
        const t = createToxic('latency');
        assert.equal(applyAttributes(t, parseGoJson(Buffer.from('{"latency":100,"jitter":5,"bogus":"x"}'))), undefined);
        assert.deepEqual(attrs(t), { latency: 100, jitter: 5 });
        assert.equal(applyAttributes(t, parseGoJson(Buffer.from('{"latency":250}'))), undefined);
        assert.deepEqual(attrs(t), { latency: 250, jitter: 5 });
        assert.equal(applyAttributes(t, parseGoJson(Buffer.from('{"jitter":1,"latency":"1"}'))), 'json: cannot unmarshal string into Go struct field LatencyToxic.attributes.latency of type int64');
        assert.equal(applyAttributes(t, parseGoJson(Buffer.from('"x"'))), 'json: cannot unmarshal string into Go struct field .attributes of type toxics.LatencyToxic');
        assert.equal(applyAttributes(t, parseGoJson(Buffer.from('{"latency":-3}'))), undefined);
        assert.equal(t.attributes.latency, -3, 'no range validation, as Toxiproxy');
    });
    it('copies a toxic for an update without touching the original', () => {
        const t = createToxic('limit_data');
        applyAttributes(t, parseGoJson(Buffer.from('{"bytes":10}')));
        const c = copyToxic('limit_data', t);
        applyAttributes(c, parseGoJson(Buffer.from('{"bytes":20}')));
        assert.equal(t.attributes.bytes, 10);
        assert.equal(c.attributes.bytes, 20);
    });
    it('accepts new toxic types by wire name', () => {
        registerToxic('test_echo_noop', () => createToxic('noop'));
        assert.ok(toxicTypes().includes('test_echo_noop'));
        assert.ok(createToxic('test_echo_noop'));
    });
});
//# sourceMappingURL=toxic-registry.test.js.map