import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VERSION } from '../../../src/core/version.js';
import { elided, rawRequest, startToxiproxy } from '../../helpers/proxy-harness.js';
import { startEchoServer } from '../../helpers/tcp-servers.js';
/**
 * Every exchange of the appendix of shared/toxiproxy-api.md (raw responses of a real Toxiproxy v2.12.0),
 * in order, compared byte for byte with Date and the request id elided. Fixed ports there become real
 * ones here (listen 127.0.0.1:0), and the version is ours.
 */
const REASONS = { 200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' };
function expectJson(status, body, contentType = 'application/json') {
    return (`HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: ${contentType}\r\nX-Toxiproxy-Request-Id: <elided>\r\n` +
        `Date: <elided>\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
function expectError(status, message) {
    const body = `{"error":"${message}","status":${status}}\n`;
    return (`HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n` +
        `X-Toxiproxy-Request-Id: <elided>\r\nDate: <elided>\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
const expectNoContent = () => 'HTTP/1.1 204 No Content\r\nX-Toxiproxy-Request-Id: <elided>\r\nDate: <elided>\r\n\r\n';
describe('Toxiproxy API: the appendix exchanges, byte for byte', { timeout: 30_000 }, () => {
    let server;
    let api;
    let echo;
    let up;
    let s1;
    let s2;
    const check = async (method, path, body, expected, headers = []) => {
        const r = await rawRequest(api, method, path, body, headers);
        assert.equal(elided(r), expected());
    };
    before(async () => {
        echo = await startEchoServer();
        up = echo.address;
        ({ server, port: api } = await startToxiproxy());
    });
    after(async () => {
        await server.stop();
        await echo.close();
    });
    it('GET /version', () => check('GET', '/version', undefined, () => expectJson(200, `{"version": "${VERSION}"}\n`, 'application/json;charset=utf-8')));
    it('GET /proxies (none)', () => check('GET', '/proxies', undefined, () => expectJson(200, '{}')));
    it('POST /proxies creates with 201 and reports the real port', async () => {
        const r = await rawRequest(api, 'POST', '/proxies', JSON.stringify({ name: 's1', listen: '127.0.0.1:0', upstream: up }));
        s1 = JSON.parse(r.body).listen;
        assert.match(s1, /^127\.0\.0\.1:[1-9]\d*$/);
        assert.equal(elided(r), expectJson(201, `{"name":"s1","listen":"${s1}","upstream":"${up}","enabled":true,"Logger":{},"toxics":[]}`));
    });
    it('POST /proxies with a taken name: 409', () => check('POST', '/proxies', JSON.stringify({ name: 's1', listen: '127.0.0.1:0', upstream: up }), () => expectError(409, 'proxy already exists')));
    it('POST /proxies without a name: 400', () => check('POST', '/proxies', JSON.stringify({ listen: '127.0.0.1:0', upstream: up }), () => expectError(400, 'missing required field: name')));
    it('POST /proxies with a body that is not JSON: 400 with Go’s decoder message', () => check('POST', '/proxies', 'not json', () => expectError(400, "bad request body: invalid character 'o' in literal null (expecting 'u')")));
    it('GET /proxies/s1', () => check('GET', '/proxies/s1', undefined, () => expectJson(200, `{"name":"s1","listen":"${s1}","upstream":"${up}","enabled":true,"Logger":{},"toxics":[]}`)));
    it('GET /proxies/nope: 404', () => check('GET', '/proxies/nope', undefined, () => expectError(404, 'proxy not found')));
    const lat100 = '{"attributes":{"latency":100,"jitter":5},"name":"lat","type":"latency","stream":"downstream","toxicity":1}';
    const lat250 = '{"attributes":{"latency":250,"jitter":5},"name":"lat","type":"latency","stream":"downstream","toxicity":1}';
    const bw = '{"attributes":{"rate":10},"name":"bandwidth_downstream","type":"bandwidth","stream":"downstream","toxicity":1}';
    it('POST a latency toxic: 200 (not 201)', () => check('POST', '/proxies/s1/toxics', JSON.stringify({ name: 'lat', type: 'latency', stream: 'downstream', attributes: { latency: 100, jitter: 5 } }), () => expectJson(200, lat100)));
    it('POST a toxic with defaults: name <type>_<stream>, downstream, toxicity 1', () => check('POST', '/proxies/s1/toxics', JSON.stringify({ type: 'bandwidth', attributes: { rate: 10 } }), () => expectJson(200, bw)));
    it('POST an unknown toxic type: 400', () => check('POST', '/proxies/s1/toxics', JSON.stringify({ type: 'nosuchtoxic' }), () => expectError(400, 'invalid toxic type')));
    it('POST a toxic with a taken name: 409', () => check('POST', '/proxies/s1/toxics', JSON.stringify({ name: 'lat', type: 'latency' }), () => expectError(409, 'toxic already exists')));
    it('GET /proxies/s1/toxics', () => check('GET', '/proxies/s1/toxics', undefined, () => expectJson(200, `[${lat100},${bw}]`)));
    it('GET /proxies/s1/toxics/lat', () => check('GET', '/proxies/s1/toxics/lat', undefined, () => expectJson(200, lat100)));
    it('PATCH a toxic merges attributes', () => check('PATCH', '/proxies/s1/toxics/lat', JSON.stringify({ attributes: { latency: 250 } }), () => expectJson(200, lat250)));
    it('PATCH /proxies/s1 enabled:false', () => check('PATCH', '/proxies/s1', JSON.stringify({ enabled: false }), () => expectJson(200, `{"name":"s1","listen":"${s1}","upstream":"${up}","enabled":false,"Logger":{},"toxics":[${lat250},${bw}]}`)));
    it('POST /populate: 201 {"proxies":[…]}', async () => {
        const r = await rawRequest(api, 'POST', '/populate', JSON.stringify([{ name: 's2', listen: '127.0.0.1:0', upstream: up }]));
        s2 = JSON.parse(r.body).proxies[0]?.listen ?? '';
        assert.equal(elided(r), expectJson(201, `{"proxies":[{"name":"s2","listen":"${s2}","upstream":"${up}","enabled":true,"Logger":{},"toxics":[]}]}`));
    });
    it('POST /reset: 204, re-enables and removes toxics', async () => {
        await check('POST', '/reset', undefined, expectNoContent);
        await check('GET', '/proxies/s1', undefined, () => expectJson(200, `{"name":"s1","listen":"${s1}","upstream":"${up}","enabled":true,"Logger":{},"toxics":[]}`));
    });
    it('DELETE an unknown toxic: 404', () => check('DELETE', '/proxies/s1/toxics/nope', undefined, () => expectError(404, 'toxic not found')));
    it('DELETE /proxies/s1 and s2: 204', async () => {
        await check('DELETE', '/proxies/s1', undefined, expectNoContent);
        await check('DELETE', '/proxies/s2', undefined, expectNoContent);
        await check('GET', '/proxies', undefined, () => expectJson(200, '{}'));
    });
    it('a browser user agent: 403 User agent not allowed', async () => {
        const r = await rawRequest(api, 'GET', '/proxies', undefined, ['User-Agent: Mozilla/5.0']);
        assert.equal(elided(r), 'HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n' +
            'X-Toxiproxy-Request-Id: <elided>\r\nDate: <elided>\r\nContent-Length: 23\r\n\r\nUser agent not allowed\n');
    });
    it('every response of a route carries a distinct request id; 404, 405 and 301 carry none, as gorilla/mux skips middleware', async () => {
        const id = (r) => r.headers.find(([k]) => k === 'X-Toxiproxy-Request-Id')?.[1];
        const a = await rawRequest(api, 'GET', '/version');
        const b = await rawRequest(api, 'GET', '/proxies/nope');
        assert.equal(b.status, 404);
        assert.match(id(a) ?? '', /^[0-9a-v]{20}$/);
        assert.match(id(b) ?? '', /^[0-9a-v]{20}$/);
        assert.notEqual(id(a), id(b));
        for (const [method, path, status] of [['GET', '/nope', 404], ['PUT', '/proxies', 405], ['GET', '//version', 301]]) {
            const r = await rawRequest(api, method, path);
            assert.equal(r.status, status, `${method} ${path}`);
            assert.equal(id(r), undefined, `${method} ${path} has no request id`);
        }
    });
});
//# sourceMappingURL=api-appendix.test.js.map