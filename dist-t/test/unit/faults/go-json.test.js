import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeStruct, goFloat32, goJsonString, parseGoJson, toJValue } from '../../../src/faults/go-json.js';
const syntaxError = (text) => {
    try {
        parseGoJson(Buffer.from(text));
    }
    catch (err) {
        return err.message;
    }
    return 'no error';
};
describe('parseGoJson: Go json.Decoder syntax errors', () => {
    const cases = [
        ['not json', "invalid character 'o' in literal null (expecting 'u')"],
        ['', 'EOF'],
        ['   \n', 'EOF'],
        ['{', 'unexpected EOF'],
        ['{"a":', 'unexpected EOF'],
        ['"abc', 'unexpected EOF'],
        ['x', "invalid character 'x' looking for beginning of value"],
        ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
        ['{"a" 1}', "invalid character '1' after object key"],
        ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
        ['[1,]', "invalid character ']' looking for beginning of value"],
        ['[1 2]', "invalid character '2' after array element"],
        ['tx', "invalid character 'x' in literal true (expecting 'r')"],
        ['fals', 'unexpected EOF'],
        ['-a', "invalid character 'a' in numeric literal"],
        ['1.x', "invalid character 'x' after decimal point in numeric literal"],
        ['1ex', "invalid character 'x' in exponent of numeric literal"],
        ['"\\x"', "invalid character 'x' in string escape code"],
        ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
        ['"a\nb"', "invalid character '\\n' in string literal"],
        ["{'a':1}", "invalid character '\\'' looking for beginning of object key string"],
        ['\u0001', "invalid character '\\x01' looking for beginning of value"],
    ];
    for (const [text, message] of cases) {
        it(JSON.stringify(text), () => assert.equal(syntaxError(text), message));
    }
    it('reads only the first value, like a Decoder', () => {
        assert.deepEqual(parseGoJson(Buffer.from('{"a":1} trailing garbage')), { kind: 'object', entries: [['a', { kind: 'number', text: '1' }]] });
        assert.deepEqual(parseGoJson(Buffer.from('12x')), { kind: 'number', text: '12' });
    });
    it('decodes escapes and UTF-8', () => {
        assert.deepEqual(parseGoJson(Buffer.from('"a\\u00e9\\ud83d\\ude00\\n€"')), { kind: 'string', value: 'aé😀\n€' });
    });
});
describe('decodeStruct: Go type errors and key matching', () => {
    const S = {
        name: 'Proxy',
        fields: [
            { key: 'name', kind: 'string' },
            { key: 'enabled', kind: 'bool' },
            { key: 'n', kind: 'int64' },
            { key: 'f', kind: 'float32' },
        ],
    };
    const decode = (text) => decodeStruct(parseGoJson(Buffer.from(text)), S, 'toxiproxy.Proxy');
    it('matches keys exactly or case-insensitively, ignores unknown keys and nulls, last duplicate wins', () => {
        const d = decode('{"NAME":"a","enabled":null,"other":[1],"name":"b","N":5}');
        assert.equal(d.error, undefined);
        assert.deepEqual([...d.values], [['name', 'b'], ['n', 5]]);
    });
    it('reports the first type error in document order with Go’s text', () => {
        assert.equal(decode('{"n":"1","name":2}').error, 'json: cannot unmarshal string into Go struct field Proxy.n of type int64');
        assert.equal(decode('{"n":1.5}').error, 'json: cannot unmarshal number 1.5 into Go struct field Proxy.n of type int64');
        assert.equal(decode('{"n":1e3}').error, 'json: cannot unmarshal number 1e3 into Go struct field Proxy.n of type int64');
        assert.equal(decode('{"n":9223372036854775808}').error, 'json: cannot unmarshal number 9223372036854775808 into Go struct field Proxy.n of type int64');
        assert.equal(decode('{"f":1e39}').error, 'json: cannot unmarshal number 1e39 into Go struct field Proxy.f of type float32');
        assert.equal(decode('{"enabled":{}}').error, 'json: cannot unmarshal object into Go struct field Proxy.enabled of type bool');
        assert.equal(decode('"x"').error, 'json: cannot unmarshal string into Go value of type toxiproxy.Proxy');
    });
    it('takes float32 values as float32', () => {
        assert.equal(decode('{"f":0.1}').values.get('f'), Math.fround(0.1));
    });
    it('toJValue maps JavaScript values', () => {
        assert.deepEqual(toJValue({ a: 1, b: [true, null], c: undefined }), {
            kind: 'object',
            entries: [
                ['a', { kind: 'number', text: '1' }],
                ['b', { kind: 'array', items: [{ kind: 'bool', value: true }, { kind: 'null' }] }],
            ],
        });
    });
});
describe('Go json.Marshal output', () => {
    it('escapes strings as Go does', () => {
        assert.equal(goJsonString('a"b\\c<d>&\u2028\n\t\u0001\b'), '"a\\"b\\\\c\\u003cd\\u003e\\u0026\\u2028\\n\\t\\u0001\\b"');
        assert.equal(goJsonString('é😀'), '"é😀"');
    });
    it('prints float32 in the shortest form that reads back', () => {
        assert.equal(goFloat32(1), '1');
        assert.equal(goFloat32(0.5), '0.5');
        assert.equal(goFloat32(0.1), '0.1');
        assert.equal(goFloat32(0.3), '0.3');
        assert.equal(goFloat32(1 / 3), '0.33333334');
        assert.equal(goFloat32(0), '0');
        assert.equal(goFloat32(1e-7), '1e-7');
        assert.equal(goFloat32(123456789), '123456790');
        assert.equal(goFloat32(1e21), '1e+21');
    });
});
//# sourceMappingURL=go-json.test.js.map