import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_BODY_BYTES, MAX_STRING_BYTES } from '../../../src/faults/api/limits.js';
import { rawRequest, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, startEchoServer, within } from '../../helpers/tcp-servers.js';
/**
 * Bounds on what one request may ask (issue 11, defect 13). Nesting and huge latencies follow a real v2.12.0
 * server, which answered `{"name":[[…]]}` nested 5,000 deep with 400 `json: cannot unmarshal array into Go
 * struct field Proxy.name of type string`, 10,001 deep with 400 `invalid character '[' exceeded max depth`,
 * and took a 30-day latency (2592000000 ms) as given. Body size and string length are duress's own bounds
 * (the real server has none): 413 and 400 in Toxiproxy's error shape.
 */
describe('Toxiproxy API: bounds on request bodies', { timeout: 60_000 }, () => {
    let server;
    let api;
    let echo;
    const req = (method, path, body) => rawRequest(api, method, path, body);
    before(async () => {
        echo = await startEchoServer();
        ({ server, port: api } = await startToxiproxy());
        assert.equal((await req('POST', '/proxies', JSON.stringify({ name: 'p', listen: '127.0.0.1:0', upstream: echo.address }))).status, 201);
    });
    after(async () => {
        await server.stop();
        await echo.close();
    });
    it('a 15 MB name is refused with 413 before it is read, memory stays flat, and /version still answers', async () => {
        const rssBefore = process.memoryUsage().rss;
        const body = JSON.stringify({ name: 'n'.repeat(15 * 1024 * 1024), upstream: echo.address });
        // The declared length alone is enough to refuse it.
        const r = await req('POST', '/proxies', body);
        assert.equal(r.status, 413, r.raw.slice(0, 300));
        assert.equal(r.body, `${JSON.stringify({ error: `request body too large: at most ${MAX_BODY_BYTES} bytes`, status: 413 })}\n`);
        assert.ok(r.headers.some(([k, v]) => k === 'Connection' && v === 'close'));
        // A body without a length (chunked) is cut off once it passes the limit.
        const s = await connect(api);
        const answer = new Promise((resolve) => {
            let text = '';
            s.on('data', (d) => {
                text += d.toString();
                if (text.includes('\r\n\r\n'))
                    resolve(text);
            });
        });
        s.on('error', () => { });
        s.write('POST /proxies HTTP/1.1\r\nHost: x\r\nUser-Agent: curl\r\nTransfer-Encoding: chunked\r\n\r\n');
        const chunk = Buffer.alloc(256 * 1024, 0x61);
        for (let i = 0; i < 8; i++)
            s.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
        assert.match(await within(10_000, 'an answer to a chunked body past the limit', answer), /^HTTP\/1\.1 413 /);
        s.destroy();
        const growthMb = (process.memoryUsage().rss - rssBefore) / 1e6;
        assert.ok(growthMb < 200, `resident memory grew ${growthMb.toFixed(0)} MB`);
        assert.equal((await req('GET', '/version')).status, 200);
    });
    it('a name, address or key longer than the string bound gets 400 naming where it is', async () => {
        const long = 'é'.repeat(MAX_STRING_BYTES / 2 + 1); // more bytes than allowed, fewer characters
        let r = await req('POST', '/proxies', JSON.stringify({ name: long, upstream: echo.address }));
        assert.equal(r.status, 400);
        assert.equal(r.body, `${JSON.stringify({ error: `bad request body: the string at name is ${MAX_STRING_BYTES + 2} bytes long, more than the ${MAX_STRING_BYTES} allowed`, status: 400 })}\n`);
        r = await req('POST', '/populate', JSON.stringify([{ name: 'ok', upstream: echo.address }, { name: 'x', upstream: 'u'.repeat(5000) }]));
        assert.equal(r.status, 400);
        assert.match(r.body, /"error":"bad request body: the string at \[1\]\.upstream is 5000 bytes long/);
        assert.equal((await req('GET', '/proxies/ok')).status, 404, 'nothing was created');
        r = await req('POST', '/proxies/p/toxics', JSON.stringify({ type: 'latency', name: 'x'.repeat(MAX_STRING_BYTES + 1) }));
        assert.equal(r.status, 400);
        r = await req('POST', '/proxies/p/toxics', JSON.stringify({ type: 'latency', name: 'x'.repeat(MAX_STRING_BYTES) }));
        assert.equal(r.status, 200, 'a name of exactly the bound is fine');
    });
    it('JSON nested 5,000 deep is a type error (400), past Go\u2019s 10,000 it is "exceeded max depth" (400)', async () => {
        const nested = (depth) => `{"name":${'['.repeat(depth)}${']'.repeat(depth)}}`;
        let r = await req('POST', '/proxies', nested(5000));
        assert.equal(r.status, 400);
        assert.equal(r.body, '{"error":"bad request body: json: cannot unmarshal array into Go struct field Proxy.name of type string","status":400}\n');
        r = await req('POST', '/proxies', nested(10_000));
        assert.equal(r.status, 400);
        assert.equal(r.body, `{"error":"bad request body: invalid character '[' exceeded max depth","status":400}\n`);
        r = await req('POST', '/proxies', nested(9_999));
        assert.equal(r.status, 400);
        assert.match(r.body, /cannot unmarshal array/, 'depth 10,000 in all is still parsed');
        // Unknown keys are skipped however deep they go, as Go skips them.
        r = await req('POST', '/populate', `[${'{"a":'.repeat(9_000)}1${'}'.repeat(9_000)}]`);
        assert.equal(r.status, 400);
        assert.equal(r.body, '{"error":"missing required field: name at proxy 1","status":400,"proxies":null}');
    });
    it('a 30-day latency is kept as given, as Go durations hold it', async () => {
        const thirtyDays = 30 * 24 * 3600 * 1000;
        const r = await req('POST', '/proxies/p/toxics', JSON.stringify({ type: 'latency', name: 'month', attributes: { latency: thirtyDays } }));
        assert.equal(r.status, 200);
        assert.equal(r.body, `{"attributes":{"latency":${thirtyDays},"jitter":0},"name":"month","type":"latency","stream":"downstream","toxicity":1}`);
    });
});
//# sourceMappingURL=api-limits.test.js.map