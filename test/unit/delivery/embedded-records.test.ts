import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeliveryLedger } from '../../../src/delivery/ledger.js';
import { formatRecordMessage, recordMessagesIn } from '../../../src/delivery/record-message.js';

const rec = (source: string, seq: number): string => formatRecordMessage(source, seq, 5_000 + seq, 40);

test('recordMessagesIn cuts a text at every record it holds, and returns a text without one whole', () => {
  assert.deepEqual(recordMessagesIn(rec('a', 1)), [rec('a', 1)]);
  assert.deepEqual(recordMessagesIn(`<13>Dec  7 host p: ${rec('a', 2)}`), [rec('a', 2)]);
  assert.deepEqual(recordMessagesIn(`{"log":"${rec('a', 3)}","n":1}`), [`${rec('a', 3)}","n":1}`]);
  assert.deepEqual(recordMessagesIn(`x ${rec('a', 4)} ${rec('b', 0)}`), [`${rec('a', 4)} `, rec('b', 0)]);
  assert.deepEqual(recordMessagesIn('no record here'), ['no record here']);
  assert.deepEqual(recordMessagesIn('duress|'), ['duress|']);
});

test('the ledger finds a record wherever it sits in a message, and counts what has none as foreign', () => {
  const ledger = new DeliveryLedger(64);
  ledger.register('a');
  ledger.generated('a', 4);
  ledger.delivered([rec('a', 0), `<13>Dec  7 host p: ${rec('a', 1)}`, `{"log":"${rec('a', 2)}"}`, `{"log":"${rec('a', 2)}"}`, 'duress|a|x|1|', 'plain text'], 6_000);
  const c = ledger.counts();
  assert.equal(c.delivered, 3);
  assert.equal(c.duplicated, 1);
  assert.equal(c.foreign, 2, 'a broken head and a text without a record');
  assert.equal(c.lost, 1, 'a3 never came');
  // Latency from the scheduled time carried in the record, wherever it sat.
  assert.equal(ledger.latencyNow().totalCount, 3);
});
