import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ToxiproxyServer } from '../../../src/faults/api/server.js';
import { proxyPort, proxyTo, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, readBytes, startSendServer, within, type TestServer } from '../../helpers/tcp-servers.js';

const pattern = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 13 + 5) & 0xff));

describe('slicer toxic through real sockets', { timeout: 30_000 }, () => {
  let server: ToxiproxyServer;
  let sender: TestServer;
  before(async () => {
    sender = await startSendServer(() => pattern(2000));
    ({ server } = await startToxiproxy());
  });
  after(async () => {
    await server.stop();
    await sender.close();
  });

  it('delivers the same bytes in more, smaller writes', async () => {
    const plain = await proxyTo(server, 'plain', sender.address);
    const sliced = await proxyTo(server, 'sliced', sender.address, [{ type: 'slicer', attributes: { average_size: 100, size_variation: 20, delay: 1000 } }]);
    const read = async (port: number): Promise<{ data: Buffer; events: number }> => {
      const s = await connect(port);
      const r = readBytes(s, 2000);
      s.write('go');
      const out = await within(5000, '2000 bytes', r);
      s.destroy();
      return out;
    };
    const before = await read(proxyPort(plain));
    const after = await read(proxyPort(sliced));
    console.log(`slicer: ${after.events} reads with the toxic, ${before.events} without`);
    assert.ok(after.data.equals(pattern(2000)));
    assert.ok(before.data.equals(pattern(2000)));
    assert.ok(after.events > before.events && after.events >= 5, `${after.events} reads`);
  });
});
