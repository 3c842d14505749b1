import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { test } from 'node:test';
import { proxyPort, proxyTo, startToxiproxy } from '../../helpers/proxy-harness.js';
import { waitFor } from '../../helpers/wait.js';

test('a proxy\'s in-flight view: a request its upstream has not answered, since when; none once it is answered or the connection closes', { timeout: 20_000 }, async (t) => {
  // An upstream that answers a line only when told to.
  const held: net.Socket[] = [];
  const upstream = net.createServer((c) => {
    c.on('error', () => {});
    c.once('data', () => held.push(c));
  });
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  const { server } = await startToxiproxy();
  t.after(async () => {
    await server.stop();
    upstream.close();
  });
  const proxy = await proxyTo(server, 'answers', `127.0.0.1:${(upstream.address() as net.AddressInfo).port}`);
  const client = net.connect(proxyPort(proxy), '127.0.0.1');
  client.on('error', () => {});
  await once(client, 'connect');
  assert.equal(proxy.awaitingAnswerSince(), null, 'connected, nothing sent: nothing awaits an answer');

  client.write('request\n');
  await waitFor(() => held.length === 1, 5000, 'the request reached the upstream');
  const since = proxy.awaitingAnswerSince();
  assert.equal(typeof since, 'number', 'sent and unanswered');
  // Asked again later, it is the same request: its time does not move.
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(proxy.awaitingAnswerSince(), since);

  held[0]!.write('answer\n');
  await once(client, 'data');
  assert.equal(proxy.awaitingAnswerSince(), null, 'answered');

  client.write('second\n');
  await waitFor(() => proxy.awaitingAnswerSince() !== null, 5000, 'the second request seen');
  client.destroy();
  await waitFor(() => proxy.awaitingAnswerSince() === null, 5000, 'the connection closed, nothing awaits');
});
