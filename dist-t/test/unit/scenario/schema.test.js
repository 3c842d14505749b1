import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenario } from '../../../src/scenario/load.js';
import { deriveDnsTimeout } from '../../../src/systems/forwarder/schema.js';
import { forwarderOf } from '../../helpers/forwarder-of.js';
const MINIMAL = `# yaml-language-server: $schema=../schema/scenario.schema.json
name: minimal
duration: 2h
system:
  kind: forwarder
  input:
    rate: 2000/s
`;
test('defaults: a minimal scenario gets every default, in resolved units', () => {
    const expected = {
        name: 'minimal',
        description: undefined,
        seed: 1,
        duration: 7_200_000,
        instances: 1,
        drain: 30_000,
        clock: { speed: 1 },
        system: {
            kind: 'forwarder',
            input: { rate: 2000, recordSize: 200 },
            flush: 1000,
            memLimit: 64 * 1024 * 1024,
            onFull: 'pause',
            chunkSize: 512 * 1024,
            scheduler: { kind: 'async', workers: 1, base: 5000, cap: 2_000_000, retryLimit: 1 },
            output: { kind: 'cloudwatch', logGroup: 'duress', logStreamPrefix: 'instance-', autoCreateGroup: true },
            net: { stack: 'async', keepalive: true, keepaliveIdleTimeout: 30_000, connectTimeout: 10_000, ioTimeout: 0, dnsTimeout: 9000 },
        },
        // Today's service: tokens ignored, no per-stream quota, 1 MiB events.
        sink: {
            kind: 'cloudwatch',
            sequenceTokens: 'ignored',
            streamRate: 0,
            streamBurst: 5,
            maxEventSize: 1024 * 1024,
            idleTimeout: 6000,
            latency: 0,
            tls: false,
            keepEvents: 0,
            requestBudget: 64 * 1024 * 1024,
        },
        failures: { hangWindow: 60_000, memoryLimit: 0, confidence: 0.95 },
        faults: [],
        matrix: {},
        thresholds: [],
        report: { interval: 10_000, formats: ['terminal', 'json', 'markdown', 'html', 'junit'] },
    };
    assert.deepEqual(parseScenario(MINIMAL, 'minimal.yaml'), expected);
});
test('defaults are fresh objects each time', () => {
    const a = parseScenario(MINIMAL, 'a.yaml');
    a.report.formats.push('html');
    a.faults.push({ kind: 'down', name: 'down#1', at: 0, target: { kind: 'share', share: 1 } });
    const b = parseScenario(MINIMAL, 'b.yaml');
    assert.deepEqual(b.report.formats, ['terminal', 'json', 'markdown', 'html', 'junit']);
    assert.deepEqual(b.faults, []);
});
test('every field given explicitly is resolved', () => {
    const s = parseScenario(`name: full.v2
description: everything spelt out
seed: 42
duration: 1h30m
instances: 40
drain: 0
clock: { speed: 60 }
system:
  kind: forwarder
  input: { rate: 120/m, recordSize: 1KiB }
  flush: 500ms
  memLimit: 5M
  onFull: drop
  chunkSize: 1MB
  scheduler: { kind: sync-minimal, workers: 2, base: 1s, cap: 30s, retryLimit: no_limits }
  output: { logGroup: g, logStreamPrefix: s-, autoCreateGroup: off }
  net: { stack: sync, keepalive: off, keepaliveIdleTimeout: 4s, connectTimeout: 3s, ioTimeout: 1m }
sink: { kind: cloudwatch, streamRate: 0, streamBurst: 10, idleTimeout: 6s, latency: 20ms, sequenceTokens: no }
failures: { hangWindow: 2m, memoryLimit: 512MB, confidence: 0.99 }
faults:
  - { kind: latency, at: 10m, for: 1m, latency: 5s }
matrix:
  keepalive:
    on: { system: { net: { keepalive: true } } }
    off: { system.net.keepalive: false }
thresholds: ['lost == 0', 'p99 < 2s']
report: { interval: 1m, formats: [markdown, junit] }
`, 'full.yaml');
    assert.equal(s.description, 'everything spelt out');
    assert.equal(s.duration, 5_400_000);
    assert.equal(s.drain, 0);
    assert.equal(forwarderOf(s).input.rate, 2);
    assert.equal(forwarderOf(s).input.recordSize, 1024);
    assert.equal(forwarderOf(s).memLimit, 5 * 1024 * 1024);
    assert.deepEqual(forwarderOf(s).scheduler, { kind: 'sync-minimal', workers: 2, base: 1000, cap: 30_000, retryLimit: null });
    assert.equal(forwarderOf(s).output.autoCreateGroup, false);
    assert.deepEqual(forwarderOf(s).net, { stack: 'sync', keepalive: false, keepaliveIdleTimeout: 4000, connectTimeout: 3000, ioTimeout: 60_000, dnsTimeout: 2000 });
    assert.deepEqual(s.sink, {
        kind: 'cloudwatch',
        sequenceTokens: 'ignored',
        streamRate: 0,
        streamBurst: 10,
        maxEventSize: 1024 * 1024,
        idleTimeout: 6000,
        latency: 20,
        tls: false,
        keepEvents: 0,
        requestBudget: 64 * 1024 * 1024,
    });
    assert.deepEqual(s.failures, { hangWindow: 120_000, memoryLimit: 512 * 1024 * 1024, confidence: 0.99 });
    assert.deepEqual(s.faults, [
        {
            kind: 'latency',
            name: 'latency#1',
            at: 600_000,
            for: { min: 60_000, max: 60_000 },
            latency: 5000,
            jitter: 0,
            stream: 'downstream',
            toxicity: 1,
            target: { kind: 'share', share: 1 },
        },
    ]);
    assert.deepEqual(Object.keys(s.matrix.keepalive ?? {}), ['on', 'off']);
    assert.deepEqual(s.report, { interval: 60_000, formats: ['markdown', 'junit'] });
});
test('retryLimit: numbers and the Fluent Bit keywords', () => {
    const limit = (value) => forwarderOf(parseScenario(`name: r\nduration: 1h\nsystem:\n  kind: forwarder\n  input: { rate: 1/s }\n  scheduler: { retryLimit: ${value} }\n`, 'r.yaml')).scheduler
        .retryLimit;
    assert.equal(limit('3'), 3);
    assert.equal(limit('0'), 0);
    assert.equal(limit('no_retries'), 0);
    for (const unlimited of ['unlimited', 'no_limits', 'false', 'off'])
        assert.equal(limit(unlimited), null, unlimited);
    assert.throws(() => limit('forever'), /expected a number of retries, no_retries, or unlimited \(also no_limits, false, off\), got "forever"/);
    assert.throws(() => limit('-1'), /system\.scheduler\.retryLimit/);
});
test('dnsTimeout: derived from connectTimeout as Fluent Bit does, unless given', () => {
    assert.equal(deriveDnsTimeout(10_000), 9000);
    assert.equal(deriveDnsTimeout(3000), 2000);
    assert.equal(deriveDnsTimeout(1500), 1000);
    const net = (yaml) => forwarderOf(parseScenario(`name: d\nduration: 1h\nsystem:\n  kind: forwarder\n  input: { rate: 1/s }\n  net: ${yaml}\n`, 'd.yaml')).net;
    assert.equal(net('{ connectTimeout: 5s }').dnsTimeout, 4000);
    assert.equal(net('{ connectTimeout: 5s, dnsTimeout: 500ms }').dnsTimeout, 500);
});
test('sink.sequenceTokens picks the service generation, and with it the quota and event size defaults', () => {
    const sink = (yaml) => parseScenario(`name: s\nduration: 1h\nsystem:\n  kind: forwarder\n  input: { rate: 1/s }\nsink: ${yaml}\n`, 's.yaml').sink;
    const pick = (s) => [s.sequenceTokens, s.streamRate, s.maxEventSize];
    assert.deepEqual(pick(sink('{ kind: cloudwatch }')), ['ignored', 0, 1_048_576]);
    assert.deepEqual(pick(sink('{ kind: cloudwatch, sequenceTokens: enforced }')), ['enforced', 5, 262_144]);
    // The yes/no form of earlier scenario files still works.
    assert.deepEqual(pick(sink('{ kind: cloudwatch, sequenceTokens: yes }')), ['enforced', 5, 262_144]);
    assert.deepEqual(pick(sink('{ kind: cloudwatch, sequenceTokens: off }')), ['ignored', 0, 1_048_576]);
    // Given explicitly, the quota and the event size win over the generation's defaults.
    assert.deepEqual(pick(sink('{ kind: cloudwatch, sequenceTokens: enforced, streamRate: 0, maxEventSize: 1MB }')), ['enforced', 0, 1_048_576]);
    assert.deepEqual(pick(sink('{ kind: cloudwatch, streamRate: 5/s }')), ['ignored', 5, 1_048_576]);
    assert.throws(() => sink('{ kind: cloudwatch, sequenceTokens: strict }'), /sink\.sequenceTokens: expected enforced or ignored \(yes\/no, true\/false also work\), got "strict"/);
});
test('flags accept true/false and on/off, yes/no', () => {
    const keepalive = (value) => forwarderOf(parseScenario(`name: f\nduration: 1h\nsystem:\n  kind: forwarder\n  input: { rate: 1/s }\n  net: { keepalive: ${value} }\n`, 'f.yaml')).net.keepalive;
    assert.equal(keepalive('true'), true);
    assert.equal(keepalive('on'), true);
    assert.equal(keepalive('yes'), true);
    assert.equal(keepalive('false'), false);
    assert.equal(keepalive('off'), false);
    assert.equal(keepalive('no'), false);
    assert.throws(() => keepalive('maybe'), /expected true or false \(on\/off and yes\/no work too\), got "maybe"/);
});
test('faults need a kind; names must be usable as folder names', () => {
    assert.throws(() => parseScenario('name: x\nduration: 1h\nsystem: { kind: forwarder, input: { rate: 1/s } }\nfaults:\n  - { at: 5m }\n', 'f.yaml'), /f\.yaml:5:5 faults\[0\]\.kind: required key is missing; expected one of latency, bandwidth/);
    assert.throws(() => parseScenario('name: ../x\nduration: 1h\nsystem: { kind: forwarder, input: { rate: 1/s } }\n', 'n.yaml'), /name: expected a name of letters, digits/);
});
//# sourceMappingURL=schema.test.js.map