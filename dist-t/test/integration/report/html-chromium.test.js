import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildReportModel } from '../../../src/report/model.js';
import { renderHtml } from '../../../src/report/renderers/html.js';
import { fixtureResults } from '../../fixtures/report-fixture.js';
// Compiled to dist/test/integration/report/: the repository root is four folders up.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const CHROMIUM = process.env.DURESS_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACT = path.join(root, 'reports', 'test-artifacts', 'html-report.png');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
let dir = '';
let browser;
before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'duress-html-'));
    assert.ok(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM}: \`npm test\` installs Debian's chromium package first (scripts/ensure-system-packages.mjs, as root with apt-get); ` +
        'otherwise install it (apt-get install -y chromium) or point DURESS_CHROMIUM at a Chromium binary');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
});
/** Opens the report with every request outside the file refused and recorded, and takes a full-page screenshot. */
async function render(results, name) {
    const file = path.join(dir, `${name}.html`);
    writeFileSync(file, renderHtml(buildReportModel(results)));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests = [];
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
        if (m.type() === 'error')
            errors.push(m.text());
    });
    await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (url.startsWith('file:'))
            return route.continue();
        requests.push(url);
        return route.abort();
    });
    await page.goto(`file://${file}`);
    await page.waitForSelector('html[data-charts-drawn]', { timeout: 10_000 });
    const charts = await page.$$eval('[data-chart]', (els) => els.map((e) => {
        const box = e.getBoundingClientRect();
        return { chart: e.getAttribute('data-chart'), cell: e.getAttribute('data-cell'), drawn: e.getAttribute('data-drawn'), width: box.width, height: box.height };
    }));
    const counted = await page.getAttribute('html', 'data-charts');
    const drawn = await page.getAttribute('html', 'data-charts-drawn');
    const png = await page.screenshot({ fullPage: true, path: path.join(dir, `${name}.png`) });
    await page.close();
    return { charts, counted, drawn, requests, errors, png };
}
test('the HTML report renders in headless Chromium: every chart drew, nothing was fetched', { timeout: 60_000 }, async () => {
    const r = await render(fixtureResults({ thresholds: ['lost == 0', 'htf_lower{variant=patch,keepalive=on} > 1000h'] }), 'html-report');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.requests, [], 'no request left the file');
    assert.equal(r.charts.length, 9);
    assert.deepEqual(r.charts.map((c) => c.chart), ['htf', 'latency', 'timeline', 'latency', 'timeline', 'latency', 'timeline', 'latency', 'timeline']);
    for (const c of r.charts) {
        assert.equal(c.drawn, 'true', `${c.chart} ${c.cell ?? ''} did not draw`);
        assert.ok(c.width > 300 && c.height > 150, `${c.chart} ${c.cell ?? ''} is ${c.width}×${c.height}`);
    }
    assert.equal(r.counted, '9');
    assert.equal(r.drawn, '9');
    assert.deepEqual([...r.png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
    assert.ok(r.png.length > 50_000, `a screenshot of ${r.png.length} bytes is too small to show the report`);
    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    writeFileSync(ARTIFACT, r.png);
    assert.ok(statSync(ARTIFACT).size === r.png.length);
    assert.equal(readFileSync(path.join(dir, 'html-report.png')).length, r.png.length);
});
test('a cell without metrics intervals still draws its charts, saying so', { timeout: 60_000 }, async () => {
    const results = fixtureResults();
    const bare = { ...results, cells: [{ ...results.cells[0], name: 'default', values: {}, overTime: [], faults: [] }] };
    const r = await render(bare, 'bare');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.charts.map((c) => [c.chart, c.drawn]), [
        ['htf', 'true'],
        ['latency', 'true'],
        ['timeline', 'true'],
    ]);
});
//# sourceMappingURL=html-chromium.test.js.map