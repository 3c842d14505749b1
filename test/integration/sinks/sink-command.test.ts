import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main.js';
import { post } from '../../helpers/sink-http.js';

function captureIO(interrupted: AbortSignal) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const firstLine = new Promise<string>((resolve) => {
    const check = (): void => {
      if (out.includes('\n')) {
        stdout.off('data', check);
        resolve(out.slice(0, out.indexOf('\n')));
      }
    };
    stdout.on('data', check);
  });
  return { io: { stdout, stderr, env: {}, cwd: process.cwd(), interrupted }, firstLine, output: () => ({ out, err }) };
}

describe('duress sink cloudwatch', { timeout: 20_000 }, () => {
  it('prints the URL, serves the API until interrupted, then stops and exits 0', async () => {
    const controller = new AbortController();
    const { io, firstLine, output } = captureIO(controller.signal);
    const exit = runCli(['sink', 'cloudwatch', '--port', '0', '--stream-rate', '0', '--idle-timeout', '300ms', '--sequence-tokens', 'ignored'], io);
    const line = await firstLine;
    const match = /^listening on http:\/\/127\.0\.0\.1:(\d+)$/.exec(line);
    assert.ok(match, line);
    const address = { host: '127.0.0.1', port: Number(match[1]), url: '' };
    const answer = await post(address, { 'X-Amz-Target': 'Logs_20140328.CreateLogGroup' }, '{"logGroupName":"g"}');
    assert.equal(answer.status, 200);
    controller.abort('SIGINT');
    assert.equal(await exit, 0);
    assert.match(output().err, /^stopped: /);
    await assert.rejects(post(address, { 'X-Amz-Target': 'Logs_20140328.DescribeLogGroups' }, '{}'));
  });

  it('refuses a duration without a unit', async () => {
    const { io, output } = captureIO(new AbortController().signal);
    assert.equal(await runCli(['sink', 'cloudwatch', '--idle-timeout', '300'], io), 2);
    assert.match(output().err, /--idle-timeout: expected a duration/);
  });
});
