import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main.js';
import { post } from '../../helpers/sink-http.js';
function captureIO(interrupted) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c) => (out += c.toString()));
    stderr.on('data', (c) => (err += c.toString()));
    const firstLine = new Promise((resolve) => {
        const check = () => {
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
    it('serves HTTPS with --tls and writes the CA to --ca-out; a client trusting that file is answered', async () => {
        const dir = await mkdtemp(join(tmpdir(), 'duress-sink-cli-'));
        const caFile = join(dir, 'ca.pem');
        const controller = new AbortController();
        const { io, firstLine, output } = captureIO(controller.signal);
        const exit = runCli(['sink', 'cloudwatch', '--tls', '--ca-out', caFile], io);
        try {
            const match = /^listening on https:\/\/127\.0\.0\.1:(\d+)$/.exec(await firstLine);
            assert.ok(match, output().out);
            const ca = await readFile(caFile, 'utf8');
            const status = await new Promise((resolve, reject) => {
                const req = request({ host: '127.0.0.1', port: Number(match[1]), method: 'POST', path: '/', ca, headers: { 'X-Amz-Target': 'Logs_20140328.CreateLogGroup' }, timeout: 10_000 }, (res) => {
                    res.resume();
                    resolve(res.statusCode ?? 0);
                });
                req.on('error', reject);
                req.end('{"logGroupName":"g"}');
            });
            assert.equal(status, 200);
        }
        finally {
            controller.abort('SIGINT');
            assert.equal(await exit, 0);
            await rm(dir, { recursive: true, force: true });
        }
    });
    it('refuses --ca-out without --tls', async () => {
        const { io, output } = captureIO(new AbortController().signal);
        assert.equal(await runCli(['sink', 'cloudwatch', '--ca-out', 'x.pem'], io), 2);
        assert.match(output().err, /--ca-out and --tls-name need --tls/);
    });
    it('refuses a duration without a unit', async () => {
        const { io, output } = captureIO(new AbortController().signal);
        assert.equal(await runCli(['sink', 'cloudwatch', '--idle-timeout', '300'], io), 2);
        assert.match(output().err, /--idle-timeout: expected a duration/);
    });
});
//# sourceMappingURL=sink-command.test.js.map