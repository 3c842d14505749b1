import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseRecordMessage } from '../../../../src/delivery/record-message.js';
import { FileInput } from '../../../../src/systems/process/program-input.js';
import { RecordEncoding } from '../../../../src/systems/process/record-encoding.js';
import { renderTemplate, type PlaceholderValues } from '../../../../src/systems/process/template.js';

const at = (seq: number): number => 1_700_000_000_000 + seq * 10;

/** The record of each encoded message, found as the sink's accounting finds it. */
function idsOf(messages: string[]): { source: string; seq: number; scheduledAt: number }[] {
  return messages.map((m) => {
    const id = parseRecordMessage(m);
    assert.ok(id, `a record: ${m}`);
    return id;
  });
}

test('each input format carries every record, in order, with its id and due time, the message unchanged', () => {
  const expected = [5, 6, 7].map((seq) => ({ source: 'c0s1g2', seq, scheduledAt: at(seq) }));
  const text = (format: 'lines' | 'syslog' | 'ndjson' | 'json'): string => new RecordEncoding('c0s1g2', 64, format).encode(5, 3, at).toString('latin1');
  const lines = text('lines').split('\n');
  assert.equal(lines.pop(), '', 'every line ends with a newline');
  assert.ok(lines.every((l) => l.length === 64), 'each message is recordSize bytes');
  assert.deepEqual(idsOf(lines), expected);
  const syslog = text('syslog').trimEnd().split('\n');
  assert.ok(syslog.every((l) => /^<14>1 \d{4}-\d\d-\d\dT[\d:.]+Z \S+ duress - - - duress\|/.test(l)), syslog[0]);
  assert.deepEqual(idsOf(syslog.map((l) => l.slice(l.indexOf(' - - - ') + 7))), expected);
  const ndjson = text('ndjson').trimEnd().split('\n').map((l) => JSON.parse(l) as { message: string; time: number });
  assert.deepEqual(idsOf(ndjson.map((o) => o.message)), expected);
  assert.deepEqual(ndjson.map((o) => o.time), [5, 6, 7].map((s) => Math.floor(at(s))));
  assert.deepEqual(idsOf((JSON.parse(text('json')) as { message: string }[]).map((o) => o.message)), expected);
});

test('a file input appends, and rotates at its size to <file>.1, losing no line', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'duress-file-input-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'input.log');
  const encoding = new RecordEncoding('c0s0g0', 100, 'lines');
  // 101 bytes a line, rotated once 250 bytes are reached: after batches of 2, 2 and 1 lines, the file holds the last.
  const input = new FileInput(file, 250);
  for (const [from, count] of [[0, 2], [2, 2], [4, 1]] as const) assert.equal(await input.write(encoding.encode(from, count, at)), true);
  await input.close();
  assert.equal(input.rotations, 1);
  const seqs = async (f: string): Promise<number[]> => idsOf((await readFile(f, 'latin1')).trimEnd().split('\n')).map((r) => r.seq);
  assert.deepEqual(await seqs(`${file}.1`), [0, 1, 2, 3]);
  assert.deepEqual(await seqs(file), [4]);
});

test('templates fill every placeholder, with spaces inside the braces too, and leave other braces alone', () => {
  const values = { 'sink.url': 'http://127.0.0.1:9', 'input.port': '5140', slot: '3' } as PlaceholderValues;
  assert.equal(renderTemplate('url {{sink.url}} port {{ input.port }} {{slot}} {not} {{ {x} }}', values), 'url http://127.0.0.1:9 port 5140 3 {not} {{ {x} }}');
});
