import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proxyPort, proxyStage, proxyTo } from '../../helpers/proxy-harness.js';
import { connect, readBytes, readToEnd, within } from '../../helpers/tcp-servers.js';
/** 25 days: longer than the 2^31-1 ms (24.8 days) one Node timer holds, which would collapse it to 1 ms. */
const DAYS_25 = 25 * 24 * 3600 * 1000;
/** How long the tests watch for data or a close that must not come (bounded; a collapsed timer fires in 1 ms). */
const WATCH_MS = 1500;
/** Collects the process warnings' names while `fn` runs. */
async function warningsDuring(fn) {
    const names = [];
    const onWarning = (w) => void names.push(w.name);
    process.on('warning', onWarning);
    try {
        await fn();
    }
    finally {
        process.off('warning', onWarning);
    }
    return names;
}
describe('toxic delays past what one Node timer holds are waited for, not collapsed to 1 ms', { timeout: 60_000 }, () => {
    const stage = proxyStage();
    it('a 25-day latency holds the data; removing the toxic lets it through', async () => {
        const proxy = await proxyTo(stage.server, 'lat25d', stage.echo.address, [{ name: 'slow', type: 'latency', attributes: { latency: DAYS_25 } }]);
        const s = await connect(proxyPort(proxy));
        try {
            let received = 0;
            s.on('data', (d) => (received += d.length));
            const warnings = await warningsDuring(async () => {
                s.write('held for 25 days');
                await new Promise((r) => setTimeout(r, WATCH_MS));
            });
            assert.equal(received, 0, 'data came through a 25-day latency');
            assert.deepEqual(warnings, []);
            // The chunk was held, not lost: with the toxic gone it is passed on at once.
            const echoed = readBytes(s, 'held for 25 days'.length);
            await proxy.removeToxic('slow');
            assert.equal((await within(5000, 'the held chunk after removing the toxic', echoed)).data.toString(), 'held for 25 days');
        }
        finally {
            s.destroy();
            await stage.server.collection.remove('lat25d');
        }
    });
    it('a 25-day timeout toxic does not close an idle connection; removing it does', async () => {
        const proxy = await proxyTo(stage.server, 'to25d', stage.echo.address, [{ name: 'quiet', type: 'timeout', attributes: { timeout: DAYS_25 } }]);
        const s = await connect(proxyPort(proxy));
        try {
            let closed = false;
            const ended = readToEnd(s).finally(() => (closed = true));
            const warnings = await warningsDuring(() => new Promise((r) => setTimeout(r, WATCH_MS)));
            assert.equal(closed, false, 'the connection was closed long before its 25-day timeout');
            assert.deepEqual(warnings, []);
            await proxy.removeToxic('quiet');
            await within(5000, 'the close once the timeout toxic is removed', ended);
        }
        finally {
            s.destroy();
            await stage.server.collection.remove('to25d');
        }
    });
});
//# sourceMappingURL=long-delays.test.js.map