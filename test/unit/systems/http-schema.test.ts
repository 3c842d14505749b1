import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TIMER_MAX_WALL_MS } from '../../../src/core/limits.js';
import { checkClockSpeed } from '../../../src/engine/clock-check.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { configArrival, configRequests, httpSchema } from '../../../src/systems/http/schema.js';
import '../../../src/systems/builtin.js';

const parse = (system: Record<string, unknown>) => httpSchema.safeParse({ kind: 'http', ...system });

test('kind: http: the open model is a rate or stages (k6 style), the closed model neither; requests a template or a list', () => {
  assert.deepEqual(configArrival(httpSchema.parse({ kind: 'http', rate: '500/s' })), { startRate: 500, stages: [{ target: 500, durationMs: TIMER_MAX_WALL_MS - 1 }] });
  const ramp = httpSchema.parse({ kind: 'http', startRate: '10/s', stages: [{ duration: '10s', target: '100/s' }, { duration: '5s', target: '0/s' }] });
  // After the last stage its rate holds, for as long as a timer can wait (the scenario's duration ends it).
  assert.deepEqual(configArrival(ramp), {
    startRate: 10,
    stages: [
      { target: 100, durationMs: 10_000 },
      { target: 0, durationMs: 5_000 },
      { target: 0, durationMs: TIMER_MAX_WALL_MS - 1 - 15_000 },
    ],
  });
  assert.equal(configArrival(httpSchema.parse({ kind: 'http', connections: 8 })), undefined, 'the closed model');
  assert.match(JSON.stringify(parse({ rate: '5/s', stages: [{ duration: '1s', target: '5/s' }] }).error?.issues), /rate \(a constant rate\) or stages/);
  assert.match(JSON.stringify(parse({ startRate: '5/s' }).error?.issues), /startRate is the start of stages/);
  assert.match(JSON.stringify(parse({ request: { path: '/' }, requests: [{ path: '/' }] }).error?.issues), /request \(a template\) or requests \(a list\)/);
  assert.match(JSON.stringify(parse({ target: 'ftp://x' }).error?.issues), /http:\/\/ or https:\/\/ URL/);
  assert.match(JSON.stringify(parse({ request: { path: 'x' } }).error?.issues), /path starting with \//);
  // Through the proxy route, the target's own name goes in Host, unless the request sets one.
  const withHost = httpSchema.parse({ kind: 'http', target: 'http://api.local:8080', requests: [{ path: '/a' }, { path: '/b', headers: { Host: 'other' } }] });
  assert.deepEqual(
    configRequests(withHost).map((r) => r.headers),
    [{ host: 'api.local:8080' }, { Host: 'other' }],
  );
});

test('kind: http runs in real time: a faster clock is refused with the reason', () => {
  const scenario = parseScenario('name: x\nduration: 10s\nclock: { speed: 10 }\nsystem: { kind: http, target: "http://127.0.0.1:9", rate: 10/s }\n', 'x.yaml', []);
  assert.throws(() => checkClockSpeed(scenario, 'x.yaml'), /clock.speed 10 cannot apply to an HTTP load: an HTTP load acts on a real service/);
});
