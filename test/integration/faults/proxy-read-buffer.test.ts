import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proxyPort, proxyTo, proxyStage } from '../../helpers/proxy-harness.js';
import { connect, firstDifference, numbered, readBytes, within } from '../../helpers/tcp-servers.js';
import { waitFor } from '../../helpers/wait.js';

// The proxy's sockets read into one reused buffer each (src/faults/socket-reader.ts); the accepted socket
// can only do so through Node internals, and a buffer still held by a pending write must never be read
// into again. These tests fail if either breaks.
describe('proxy sockets read into reused buffers', { timeout: 60_000 }, () => {
  const stage = proxyStage();

  it('both sockets of a connection reuse their buffer: 4 MiB through an echo take far fewer buffers than reads', async () => {
    const proxy = await proxyTo(stage.server, 'reuse', stage.echo.address);
    const s = await connect(proxyPort(proxy));
    const data = numbered(1 << 20);
    const echoed = readBytes(s, data.length);
    s.write(data);
    const { data: got } = await within(20_000, 'the echo of 4 MiB', echoed);
    assert.equal(firstDifference(got, data), -1);
    const [up, down] = (proxy.connections[0] as (typeof proxy.connections)[number]).links;
    for (const link of [up, down]) {
      const { reader } = link as NonNullable<typeof up>;
      assert.ok(reader.reusesBuffer, `the ${link?.direction} link's socket reads the default way (has Node's net.Socket changed?)`);
      // A read takes a fresh buffer only after the last was lent to a write the kernel did not take at once.
      assert.ok(reader.stats.reusedReads > 2 * reader.stats.lent, `${link?.direction}: ${JSON.stringify(reader.stats)}`);
    }
    s.destroy();
    await stage.server.collection.remove('reuse');
  });

  it('behind a client that stops reading, writes queue and every byte still arrives in order (a lent buffer is never read into)', async () => {
    const proxy = await proxyTo(stage.server, 'stall', stage.echo.address);
    const s = await connect(proxyPort(proxy));
    // Far more than the socket buffers between the proxy and a client that does not read take in (Linux
    // grows a receive buffer as its reader drains it), so the proxy's writes to the stalled client stop
    // completing at once and its read buffers are lent to them.
    const data = numbered(6 << 20);
    s.pause();
    s.write(data);
    const down = () => (proxy.connections[0]?.links[1] as NonNullable<(typeof proxy.connections)[number]['links'][1]>).reader;
    await waitFor(() => proxy.connectionCount === 1 && down().stats.lent > 0, 20_000, 'a write to the stalled client that the kernel did not take at once');
    const takenBeforeLend = (proxy.connections[0] as (typeof proxy.connections)[number]).client.bytesWritten;
    const echoed = readBytes(s, data.length);
    s.resume();
    const { data: got } = await within(30_000, 'the echo of 24 MiB', echoed);
    const up = (proxy.connections[0]?.links[0] as NonNullable<(typeof proxy.connections)[number]['links'][0]>).reader;
    console.log(
      `stalled client: first lend after ${(takenBeforeLend / 2 ** 20).toFixed(1)} MiB written to it; downstream ${JSON.stringify(down().stats)}, upstream ${JSON.stringify(up.stats)}`,
    );
    assert.equal(firstDifference(got, data), -1);
    s.destroy();
    await stage.server.collection.remove('stall');
  });
});
