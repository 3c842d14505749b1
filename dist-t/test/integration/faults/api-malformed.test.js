import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { rawRequest, startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, startEchoServer, within } from '../../helpers/tcp-servers.js';
const header = (r, name) => r.headers.find(([k]) => k === name)?.[1];
describe('Toxiproxy API: malformed requests get Toxiproxy’s errors and the server keeps serving', { timeout: 30_000 }, () => {
    let server;
    let api;
    let echo;
    let up;
    const req = (method, path, body) => rawRequest(api, method, path, body);
    const expectError = async (method, path, body, status, message) => {
        const r = await req(method, path, body);
        assert.equal(r.status, status, r.raw);
        assert.equal(r.body, `${JSON.stringify({ error: message, status })}\n`);
        assert.equal(header(r, 'Content-Type'), 'text/plain; charset=utf-8');
        assert.equal(header(r, 'X-Content-Type-Options'), 'nosniff');
    };
    before(async () => {
        echo = await startEchoServer();
        up = echo.address;
        ({ server, port: api } = await startToxiproxy());
        const r = await req('POST', '/proxies', JSON.stringify({ name: 'p', listen: '127.0.0.1:0', upstream: up }));
        assert.equal(r.status, 201);
        assert.equal((await req('POST', '/proxies/p/toxics', JSON.stringify({ name: 'lat', type: 'latency' }))).status, 200);
    });
    after(async () => {
        await server.stop();
        await echo.close();
    });
    it('bodies that are not JSON, cut short or empty', async () => {
        await expectError('POST', '/proxies', '{', 400, 'bad request body: unexpected EOF');
        await expectError('POST', '/proxies', '', 400, 'bad request body: EOF');
        await expectError('POST', '/proxies', '{"name" "x"}', 400, "bad request body: invalid character '\"' after object key");
        await expectError('POST', '/proxies', '{"name":"x",}', 400, "bad request body: invalid character '}' looking for beginning of object key string");
        await expectError('POST', '/proxies', '{"name":tru}', 400, "bad request body: invalid character '}' in literal true (expecting 'e')");
        await expectError('POST', '/proxies/p/toxics', '{"type":"latency","attributes":{"latency":1.}}', 400, "bad request body: invalid character '}' after decimal point in numeric literal");
        await expectError('PATCH', '/proxies/p', '[1 2]', 400, "bad request body: invalid character '2' after array element");
    });
    it('wrong JSON types, with Go’s type-error texts', async () => {
        await expectError('POST', '/proxies', '{"name":5,"upstream":"x:1"}', 400, 'bad request body: json: cannot unmarshal number into Go struct field Proxy.name of type string');
        await expectError('POST', '/proxies', '[]', 400, 'bad request body: json: cannot unmarshal array into Go value of type toxiproxy.Proxy');
        await expectError('PATCH', '/proxies/p', '{"enabled":"no"}', 400, 'bad request body: json: cannot unmarshal string into Go struct field Proxy.enabled of type bool');
        await expectError('POST', '/proxies/p/toxics', '{"type":"latency","name":"l2","attributes":{"latency":"100"}}', 400, 'bad request body: json: cannot unmarshal string into Go struct field LatencyToxic.attributes.latency of type int64');
        await expectError('POST', '/proxies/p/toxics', '{"type":"latency","name":"l2","attributes":{"latency":1.5}}', 400, 'bad request body: json: cannot unmarshal number 1.5 into Go struct field LatencyToxic.attributes.latency of type int64');
        await expectError('POST', '/proxies/p/toxics', '{"type":"slicer","name":"l2","attributes":{"average_size":true}}', 400, 'bad request body: json: cannot unmarshal bool into Go struct field SlicerToxic.attributes.average_size of type int');
        await expectError('POST', '/proxies/p/toxics', '{"type":"latency","toxicity":"high"}', 400, 'bad request body: json: cannot unmarshal string into Go struct field ToxicWrapper.toxicity of type float32');
        await expectError('POST', '/proxies/p/toxics', '{"type":"latency","attributes":5}', 400, 'bad request body: json: cannot unmarshal number into Go struct field ToxicWrapper.attributes of type toxics.NoopToxic');
        await expectError('PATCH', '/proxies/p/toxics/lat', '{"toxicity":"x"}', 400, 'bad request body: json: cannot unmarshal string into Go struct field .toxicity of type float32');
        await expectError('PATCH', '/proxies/p/toxics/lat', '{"attributes":{"jitter":[]}}', 400, 'bad request body: json: cannot unmarshal array into Go struct field LatencyToxic.attributes.jitter of type int64');
    });
    it('missing fields, invalid stream, unknown types (including the client’s "down")', async () => {
        await expectError('POST', '/proxies', JSON.stringify({ name: 'q' }), 400, 'missing required field: upstream');
        await expectError('POST', '/proxies/p/toxics', JSON.stringify({ type: 'latency', stream: 'sideways' }), 400, 'stream was invalid, can be either upstream or downstream');
        await expectError('POST', '/proxies/p/toxics', JSON.stringify({ type: 'down' }), 400, 'invalid toxic type');
        await expectError('POST', '/proxies/p/toxics', JSON.stringify({}), 400, 'invalid toxic type');
        await expectError('POST', '/proxies/nope/toxics', JSON.stringify({ type: 'latency' }), 404, 'proxy not found');
        await expectError('PATCH', '/proxies/p/toxics/nope', 'not even json', 404, 'toxic not found');
        await expectError('DELETE', '/proxies/nope', undefined, 404, 'proxy not found');
    });
    it('attribute and key quirks: unknown keys ignored, keys matched case-insensitively, stream case kept', async () => {
        const r = await req('POST', '/proxies/p/toxics', '{"TYPE":"latency","Stream":"UpStream","attributes":{"Latency":7,"bogus":1},"extra":true}');
        assert.equal(r.status, 200);
        assert.equal(r.body, '{"attributes":{"latency":7,"jitter":0},"name":"latency_UpStream","type":"latency","stream":"UpStream","toxicity":1}');
        const t = await req('PATCH', '/proxies/p/toxics/latency_UpStream', '{"toxicity":0.1,"name":"ignored","type":"ignored"}');
        assert.equal(t.body, '{"attributes":{"latency":7,"jitter":0},"name":"latency_UpStream","type":"latency","stream":"UpStream","toxicity":0.1}');
        assert.equal((await req('DELETE', '/proxies/p/toxics/latency_UpStream')).status, 204);
    });
    it('populate: errors in application/json with the proxies so far; nothing is created if a field is missing', async () => {
        let r = await req('POST', '/populate', JSON.stringify([{ name: 'a', upstream: up }, { name: 'b' }]));
        assert.equal(r.status, 400);
        assert.equal(header(r, 'Content-Type'), 'application/json');
        assert.equal(r.body, '{"error":"missing required field: upstream at proxy 2","status":400,"proxies":null}');
        assert.equal((await req('GET', '/proxies/a')).status, 404);
        r = await req('POST', '/populate', '{}');
        assert.equal(r.status, 400);
        assert.match(r.body, /^\{"error":"bad request body: json: cannot unmarshal object into Go value of type \[\]struct \{ toxiproxy\.Proxy; Enabled \*bool /);
        r = await req('POST', '/populate', '[]');
        assert.equal(r.status, 201);
        assert.equal(r.body, '{"proxies":null}');
        const busy = net.createServer();
        await new Promise((resolve) => busy.listen(0, '127.0.0.1', resolve));
        const taken = busy.address().port;
        try {
            r = await req('POST', '/populate', JSON.stringify([{ name: 'ok1', listen: '127.0.0.1:0', upstream: up }, { name: 'bad', listen: `127.0.0.1:${taken}`, upstream: up }]));
            assert.equal(r.status, 500);
            const body = JSON.parse(r.body);
            assert.equal(body.error, `listen tcp 127.0.0.1:${taken}: bind: address already in use`);
            assert.deepEqual(body.proxies.map((p) => p.name), ['ok1']);
            await expectError('POST', '/proxies', JSON.stringify({ name: 'bad2', listen: `127.0.0.1:${taken}`, upstream: up }), 500, `listen tcp 127.0.0.1:${taken}: bind: address already in use`);
            await expectError('POST', '/proxies', JSON.stringify({ name: 'bad3', listen: 'nope', upstream: up }), 500, 'listen tcp: address nope: missing port in address');
        }
        finally {
            busy.close();
        }
        assert.equal((await req('DELETE', '/proxies/ok1')).status, 204);
    });
    it('routing like gorilla/mux: 404 text, 405 empty, 301 to the clean path', async () => {
        for (const path of ['/nope', '/proxies/', '/proxies/p/toxics/lat/extra', '/metrics']) {
            const r = await req('GET', path);
            assert.equal(r.status, 404, path);
            assert.equal(r.body, '404 page not found\n');
            assert.equal(header(r, 'Content-Type'), 'text/plain; charset=utf-8');
            assert.equal(header(r, 'X-Toxiproxy-Request-Id'), undefined, 'mux answers 404 without middleware');
        }
        for (const [method, path] of [['PUT', '/proxies'], ['DELETE', '/version'], ['HEAD', '/version'], ['GET', '/reset'], ['PUT', '/proxies/p/toxics/lat']]) {
            const r = method === 'HEAD' ? await headRequest(api, path) : await req(method, path);
            assert.equal(r.status, 405, `${method} ${path}`);
            if (method !== 'HEAD')
                assert.equal(r.body, '');
            assert.equal(header(r, 'Content-Type'), undefined);
        }
        const r = await req('GET', '//proxies/../version');
        assert.equal(r.status, 301);
        assert.equal(header(r, 'Location'), '/version');
        const deprecatedPost = await req('POST', '/proxies/p', JSON.stringify({ enabled: true }));
        assert.equal(deprecatedPost.status, 200);
    });
    it('a request that is not HTTP gets 400 and the server goes on', async () => {
        const s = await connect(api);
        s.write('this is not http\r\n\r\n');
        const chunks = [];
        s.on('data', (d) => chunks.push(d));
        await within(5000, 'close after a bad request', new Promise((r) => s.once('close', r)));
        assert.match(Buffer.concat(chunks).toString(), /^HTTP\/1\.1 400 Bad Request\r\n/);
    });
    it('still serves after all of that', async () => {
        const r = await req('GET', '/proxies/p');
        assert.equal(r.status, 200);
        assert.match(r.body, /^\{"name":"p","listen":"127\.0\.0\.1:\d+","upstream":"[^"]+","enabled":true,"Logger":\{\},"toxics":\[\{"attributes":\{"latency":0,"jitter":0\},"name":"lat"/);
        assert.equal((await req('GET', '/version')).status, 200);
    });
});
async function headRequest(port, path) {
    const s = await connect(port);
    s.write(`HEAD ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
    const text = await within(5000, 'HEAD response', new Promise((resolve) => {
        let buf = '';
        s.on('data', (d) => {
            buf += d.toString();
            if (buf.includes('\r\n\r\n'))
                resolve(buf);
        });
    }));
    s.destroy();
    const [statusLine = '', ...lines] = (text.split('\r\n\r\n')[0] ?? '').split('\r\n');
    return {
        raw: text,
        status: Number(statusLine.split(' ')[1]),
        headers: lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
        body: '',
    };
}
//# sourceMappingURL=api-malformed.test.js.map