import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DNS_ADDRESSES_TRIED, namespaceDnsAddress } from '../../../../src/systems/process/resolv-namespace.js';

test("resolvConf: a cell's DNS server asks port 53 of its own 127.53.x.y first, then the next addresses in turn, each distinct and every byte in 1..254", () => {
  const cell0 = namespaceDnsAddress(0);
  assert.equal(cell0.host, '127.53.1.1');
  assert.equal(cell0.port, 53);
  // The next cells' own addresses come next: a run beside this one takes them only when its own are taken.
  assert.deepEqual(cell0.fallbackHosts.slice(0, 2), ['127.53.1.2', '127.53.1.3']);
  assert.equal(namespaceDnsAddress(253).host, '127.53.1.254');
  assert.equal(namespaceDnsAddress(254).host, '127.53.2.1');
  for (const cell of [0, 255, 64_515]) {
    const { host, fallbackHosts } = namespaceDnsAddress(cell);
    const all = [host, ...fallbackHosts];
    assert.equal(all.length, DNS_ADDRESSES_TRIED);
    assert.equal(new Set(all).size, all.length, `cell ${cell}: every address once`);
    for (const a of all) {
      const bytes = a.split('.').map(Number);
      assert.equal(bytes[0], 127);
      assert.equal(bytes[1], 53);
      assert.ok(bytes.slice(2).every((b) => b >= 1 && b <= 254), `${a}`);
    }
  }
});
