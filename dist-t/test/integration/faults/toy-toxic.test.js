import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { Toxiproxy } from 'toxiproxy-node-client';
import { ScenarioError, formatProblem } from '../../../src/core/errors.js';
import { MIN_FAITHFUL_WALL_MS } from '../../../src/core/clock.js';
import { checkClockSpeed } from '../../../src/engine/clock-check.js';
import { applyFault } from '../../../src/engine/fault-applier.js';
import { checkToxicsSupported } from '../../../src/engine/toxiproxy-check.js';
import { describeFault } from '../../../src/faults/fault-describe.js';
import { buildTimeline } from '../../../src/faults/timeline.js';
import { toxicAttributes } from '../../../src/faults/toxiproxy.js';
import { scenarioJsonSchema } from '../../../src/scenario/json-schema.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { startToxiproxy } from '../../helpers/proxy-harness.js';
import { connect, readBytes, startEchoServer, within } from '../../helpers/tcp-servers.js';
// The one registration: everything below learns of toy_shout through it alone.
import { shoutKind } from '../../fixtures/toy-toxic.js';
const HEAD = `name: toy
duration: 1m
instances: 1
system: { kind: forwarder, input: { rate: 10/s } }
faults:
`;
function problemsOf(text) {
    try {
        parseScenario(text, 'toy.yaml');
    }
    catch (err) {
        assert.ok(err instanceof ScenarioError, String(err));
        return err.problems.map(formatProblem);
    }
    assert.fail('the scenario was accepted');
}
/** Sends `text` through a fresh connection to `port` and reads back as many bytes (an echo server behind). */
async function echoThrough(port, text) {
    const s = await connect(port);
    try {
        const started = performance.now();
        const reading = readBytes(s, text.length);
        s.write(text);
        const { data } = await within(5000, `the echo of ${text}`, reading);
        return { reply: data.toString(), ms: performance.now() - started };
    }
    finally {
        s.destroy();
    }
}
const portOf = (p) => Number(p.listen.slice(p.listen.lastIndexOf(':') + 1));
/**
 * A toxic added from outside src/ (test/fixtures/toy-toxic.ts), with one file and one registration, is a
 * toxic of the embedded proxy's Toxiproxy API, a fault kind of scenarios (schema, JSON Schema, messages,
 * clock check, description) and applied by the engine's applier like any built-in.
 */
describe('a toxic added from outside src/ with one registration', { timeout: 30_000 }, () => {
    let server;
    let toxiproxy;
    let url;
    let echo;
    before(async () => {
        echo = await startEchoServer();
        const started = await startToxiproxy();
        server = started.server;
        url = started.url;
        toxiproxy = new Toxiproxy(url);
    });
    after(async () => {
        await server.stop();
        await echo.close();
    });
    it('is a toxic type of the embedded proxy, created and removed through the Toxiproxy API', async () => {
        const proxy = await toxiproxy.createProxy({ name: 'toy', listen: '127.0.0.1:0', upstream: echo.address });
        assert.equal((await echoThrough(portOf(proxy), 'quiet please')).reply, 'quiet please');
        const toxic = await proxy.addToxic({ name: 'shout', type: 'toy_shout', stream: 'downstream', toxicity: 1, attributes: { delay: 0 } });
        assert.deepEqual((await proxy.getToxic('shout')).toJson(), { name: 'shout', type: 'toy_shout', stream: 'downstream', toxicity: 1, attributes: { delay: 0 } });
        assert.equal((await echoThrough(portOf(proxy), 'quiet please')).reply, 'QUIET PLEASE');
        await toxic.remove();
        assert.equal((await echoThrough(portOf(proxy), 'quiet please')).reply, 'quiet please');
        await proxy.remove();
    });
    it('is a scenario fault kind: its parameters, units, defaults, messages and description', () => {
        const [spec] = parseScenario(`${HEAD}  - { kind: toy_shout, delay: 1.5s, stream: upstream, at: 10s }\n`, 'toy.yaml').faults;
        assert.deepEqual(spec, { kind: 'toy_shout', name: 'toy_shout#1', at: 10_000, target: { kind: 'share', share: 1 }, delay: 1500, stream: 'upstream', toxicity: 1 });
        assert.equal(describeFault(spec), 'toy_shout 1.5s upstream');
        assert.deepEqual(toxicAttributes(spec), { type: 'toy_shout', stream: 'upstream', toxicity: 1, attributes: { delay: 1500 } });
        assert.deepEqual(toxicAttributes(spec, { speed: 10 }).attributes, { delay: 150 }, 'a duration in ms, scaled to wall time for a real Toxiproxy');
        const [defaulted] = parseScenario(`${HEAD}  - { kind: toy_shout }\n`, 'toy.yaml').faults;
        assert.equal(defaulted?.['delay'], 0);
        const loud = problemsOf(`${HEAD}  - { kind: toy_shout, delay: loud }\n`);
        assert.equal(loud.length, 1, loud.join('\n'));
        assert.match(loud[0] ?? '', /^toy\.yaml:6:\d+ faults\[0\]\.delay: .*"loud"/);
        assert.match(problemsOf(`${HEAD}  - { kind: toy_shout, volume: 11 }\n`)[0] ?? '', /faults\[0\]\.volume: unknown key "volume"; expected one of kind, .*, delay, stream, toxicity, link$/);
        assert.match(problemsOf(`${HEAD}  - { kind: toy_shoot }\n`)[0] ?? '', /expected one of latency, .*toy_shout.*, got "toy_shoot"; did you mean "toy_shout"\?$/);
        // A network fault like any toxic: a broker must name the link it acts on.
        const broker = `name: toy\nduration: 1m\ninstances: 1\nsystem: { kind: broker, rate: 1/s, subscribers: 1 }\nfaults:\n  - { kind: toy_shout }\n`;
        assert.match(problemsOf(broker)[0] ?? '', /faults\[0\]\.link: a broker fault needs the link it acts on: one of subscriber-0/);
    });
    it('is in the JSON Schema, with its keys', () => {
        const items = scenarioJsonSchema().properties?.faults?.items;
        const option = (items?.anyOf ?? items?.oneOf ?? []).find((o) => o.properties?.kind?.const === 'toy_shout');
        assert.deepEqual(Object.keys(option?.properties ?? {}), ['kind', 'name', 'at', 'every', 'share', 'instances', 'for', 'delay', 'stream', 'toxicity', 'link']);
    });
    it('has its duration checked against the clock speed, and runs on a real Toxiproxy', () => {
        const speed = 10;
        // Independently: 10ms of scenario time at speed 10 is 1 ms of wall time, below what the machine can time.
        assert.ok(10 / speed < MIN_FAITHFUL_WALL_MS);
        const s = parseScenario(`${HEAD}  - { kind: toy_shout, delay: 10ms }\nclock: { speed: ${speed} }\n`, 'toy.yaml');
        assert.throws(() => checkClockSpeed(s, 'toy.yaml'), /faults\[0\]\.delay \(10ms\) would last 1\.00 ms of wall time/);
        assert.doesNotThrow(() => checkToxicsSupported(s, 'toy.yaml', 'http://127.0.0.1:8474'));
        assert.equal(shoutKind.stopsData, false);
    });
    it("is applied by the engine's fault applier to an instance's route, and lifted", async () => {
        const delay = 200;
        const s = parseScenario(`${HEAD}  - { kind: toy_shout, delay: ${delay}ms, for: 30s }\n`, 'toy.yaml');
        const [occurrence] = buildTimeline(s.faults, { seed: 1, duration: s.duration, instances: s.instances });
        assert.ok(occurrence);
        const route = await toxiproxy.createProxy({ name: 'route-0', listen: '127.0.0.1:0', upstream: echo.address });
        const unused = (what) => () => assert.fail(`a toxic does not use ${what}`);
        const targets = {
            toxicSpeed: 1,
            route: (slot, link) => {
                assert.equal(slot, 0);
                assert.equal(link, undefined);
                return route;
            },
            dnsName: unused('DNS'),
            stream: unused('the sink'),
            kill: unused('kill'),
            freeze: unused('freeze'),
        };
        const lift = await applyFault(occurrence, targets);
        const held = await echoThrough(portOf(route), 'quiet please');
        assert.equal(held.reply, 'QUIET PLEASE');
        assert.ok(held.ms >= delay - 1, `held ${held.ms.toFixed(1)} ms, at least the ${delay} ms delay`);
        await lift();
        assert.deepEqual(await (await fetch(`${url}/proxies/route-0/toxics`)).json(), [], 'lifted: the toxic is gone from the route');
        assert.equal((await echoThrough(portOf(route), 'quiet please')).reply, 'quiet please');
    });
});
//# sourceMappingURL=toy-toxic.test.js.map