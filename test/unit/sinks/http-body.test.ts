import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { decodeBody, MalformedBody, splitItems } from '../../../src/sinks/http/body.js';
import { LineSplitter } from '../../../src/sinks/tcp/line-splitter.js';

test('splitItems: auto reads the first byte; each format splits as it says and refuses what does not parse', () => {
  assert.deepEqual(splitItems('  [1, "two", {"a": 3}]', 'auto'), ['1', 'two', '{"a":3}']);
  assert.deepEqual(splitItems('{"a":1}\n\n{"b":2}\r\n', 'auto'), ['{"a":1}', '{"b":2}']);
  assert.deepEqual(splitItems('one\r\ntwo\n\n three \n', 'auto'), ['one', 'two', ' three ']);
  assert.deepEqual(splitItems('{"a":1}', 'json'), ['{"a":1}']);
  assert.deepEqual(splitItems('[not json', 'lines'), ['[not json']);
  assert.deepEqual(splitItems(' \n ', 'ndjson'), []);
  assert.throws(() => splitItems('{"a":1}\n{"b":', 'ndjson'), (e: Error) => e instanceof MalformedBody && /^line 2 is not JSON/.test(e.message));
  assert.throws(() => splitItems('"just a string"', 'json'), /the body is JSON string; expected an array of records or one object/);
});

test('decodeBody undoes gzip, bounds what it inflates, and names an unknown encoding', async () => {
  const body = await decodeBody(gzipSync('a\nb\n'), 'GZIP', 'lines', 1000);
  assert.deepEqual(body, { messages: ['a', 'b'], items: 2, bytes: 4 });
  await assert.rejects(decodeBody(gzipSync('x'.repeat(5000)), 'gzip', 'lines', 1000), /decompresses to more than 1000 bytes/);
  await assert.rejects(decodeBody(Buffer.from('x'), 'compress', 'lines', 1000), /Content-Encoding "compress" is not supported/);
});

test('LineSplitter keeps a UTF-8 character split across chunks whole, and cuts an overlong line once', () => {
  const s = new LineSplitter(5);
  const euro = Buffer.from('€\n'); // three bytes and a newline
  assert.deepEqual(s.push(euro.subarray(0, 1)), []);
  assert.deepEqual(s.push(euro.subarray(1)), ['€']);
  assert.deepEqual(s.push(Buffer.from('abcdefgh')), ['abcde']);
  assert.deepEqual(s.push(Buffer.from('ij\nok')), []);
  assert.deepEqual(s.end(), ['ok']);
  assert.equal(s.overlong, 1);
});
