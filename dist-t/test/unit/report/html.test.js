import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReportModel } from '../../../src/report/model.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { fixtureResults } from '../../fixtures/report-fixture.js';
/** Every way an HTML file can reach the network: none may appear. */
const NETWORK_REFERENCES = [/https?:\/\//i, /\/\/cdn/i, /<link\b/i, /\bsrc\s*=\s*["']?(?!data:)/i, /@import/i, /url\(\s*["']?(?!data:|#)/i];
test('the HTML report is one self-contained file: no network reference of any kind', () => {
    const r = fixtureResults({ thresholds: ['lost == 0'] });
    r.scenario.description = 'see https://example.com/x and //cdn.example.com/lib.js';
    r.cells[1].failures[0].evidence = { error: 'connect ECONNREFUSED http://127.0.0.1:4566/ <img src=x>' };
    const html = renderHtml(buildReportModel(r));
    for (const pattern of NETWORK_REFERENCES)
        assert.doesNotMatch(html, pattern);
    assert.match(html, /see https&#58;\/\/example\.com\/x/, 'a URL in the text still reads as one');
    assert.match(html, /&lt;img src&#61;x&gt;/, 'markup in the evidence is text');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<style>[\s\S]+<\/style>/);
    assert.match(html, /<script>[\s\S]+<\/script>/);
});
test('a chart per cell for latency and for the fault timeline, and one for hours to failure', () => {
    const html = renderHtml(buildReportModel(fixtureResults()));
    const charts = [...html.matchAll(/data-chart="(\w+)"(?: data-cell="([^"]*)")?/g)].map((m) => `${m[1]}${m[2] ? ` ${m[2]}` : ''}`);
    assert.deepEqual(charts, [
        'htf',
        'latency variant=patch,keepalive=on',
        'timeline variant=patch,keepalive=on',
        'latency variant=patch,keepalive=off',
        'timeline variant=patch,keepalive=off',
        'latency variant=no-patch,keepalive=on',
        'timeline variant=no-patch,keepalive=on',
        'latency variant=no-patch,keepalive=off',
        'timeline variant=no-patch,keepalive=off',
    ]);
    assert.match(html, /data-verdict="very-stable"[\s\S]*Very stable[\s\S]*\+4000h/);
    assert.match(html, /sink-throttle/);
});
//# sourceMappingURL=html.test.js.map