import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeliveryLedger } from '../../../../src/delivery/ledger.js';
import { formatRecordMessage } from '../../../../src/delivery/record-message.js';
import type { ProcessHeartbeat } from '../../../../src/systems/process/messages.js';
import { ProcessWatch } from '../../../../src/systems/process/watch.js';

const WINDOW = 1000;
const START = 10_000;
const ID = 'c0s0g0';

function hb(fields: Partial<ProcessHeartbeat>): ProcessHeartbeat {
  return {
    t: 'heartbeat', drained: false, generated: 0, dropped: [], requestMs: [], pid: 1, exited: null, startProblem: null, dir: '/tmp/x',
    inputOpen: true, inputEnded: false, owed: 0, blockedMs: 0, refusals: 0, rss: Number.NaN,
    memoryUsed: 0, liveMemory: 0, fullGcs: 0, loopDelayMaxMs: 0,
    ...fields,
  };
}

/** A ledger of one program that took `taken` records and delivered the seqs given, at START. */
function ledgerWith(taken: number, deliveredSeqs: number[]): DeliveryLedger {
  const ledger = new DeliveryLedger();
  ledger.register(ID);
  ledger.generated(ID, taken);
  ledger.delivered(deliveredSeqs.map((seq) => formatRecordMessage(ID, seq, START, 64)), START);
  return ledger;
}

/** The watch's verdict `WINDOW + 1` ms after the last delivery, with the pending records first seen at START. */
function verdictAfterWindow(taken: number, deliveredSeqs: number[]): ReturnType<ProcessWatch['check']> {
  const ledger = ledgerWith(taken, deliveredSeqs);
  const watch = new ProcessWatch(START - 5000, WINDOW, 0);
  const beat = hb({ generated: taken });
  const check = (now: number): ReturnType<ProcessWatch['check']> => {
    watch.heartbeat(now);
    return watch.check(now, beat, ledger.lastDeliveryAt(ID), false, ledger.counts(ID), ledger.highestDelivered(ID));
  };
  assert.equal(check(START), undefined);
  assert.equal(check(START + WINDOW), undefined, 'at the window exactly: not yet');
  return check(START + WINDOW + 1);
}

test('process watch: records taken after the newest delivered (the tail) and nothing delivered for the hang window is a hang', () => {
  // 100 taken, 0..59 delivered: 60..99 are still with the program, which delivers nothing more.
  const verdict = verdictAfterWindow(100, [...Array(60).keys()]);
  assert.equal(verdict?.mode, 'hang');
  assert.equal(verdict?.evidence.takenAfterLastDelivered, 40);
  assert.equal(verdict?.evidence.undelivered, 40);
});

test('process watch: records missing behind the newest delivered (gaps: dropped by an overflowing queue) are not a hang; they are loss after the drain', () => {
  // 100 taken; 0..29 and 70..99 delivered: 30..69 were skipped, and the program has nothing more to send.
  const delivered = [...Array(100).keys()].filter((s) => s < 30 || s >= 70);
  assert.equal(verdictAfterWindow(100, delivered), undefined);
  // The same gap with a tail behind it (98 and 99 never sent) is a hang again: the tail is what it holds.
  const verdict = verdictAfterWindow(100, delivered.filter((s) => s < 98));
  assert.equal(verdict?.mode, 'hang');
  assert.equal(verdict?.evidence.takenAfterLastDelivered, 2);
  assert.equal(verdict?.evidence.undelivered, 42);
});

test('process watch: records owed to an input that refuses them are waiting, whatever was delivered', () => {
  const ledger = ledgerWith(10, [...Array(10).keys()]);
  const watch = new ProcessWatch(START, WINDOW, 0);
  const check = (now: number, owed: number): ReturnType<ProcessWatch['check']> => {
    watch.heartbeat(now);
    return watch.check(now, hb({ generated: 10, owed }), ledger.lastDeliveryAt(ID), false, ledger.counts(ID), ledger.highestDelivered(ID));
  };
  assert.equal(check(START + WINDOW + 1, 0), undefined, 'everything taken was delivered, nothing owed: idle');
  assert.equal(check(START + 2 * WINDOW, 5), undefined, 'owed since just now');
  assert.equal(check(START + 3 * WINDOW + 1, 5)?.mode, 'hang');
});
