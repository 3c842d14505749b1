import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';

/** The programs from Debian's packages that tests drive, where they live and which package brings them. */
export const SYSTEM_PROGRAMS = {
  chromium: { path: process.env.DURESS_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' },
  'syslog-ng': { path: '/usr/sbin/syslog-ng', pkg: 'syslog-ng-core' },
  // syslog-ng's http() destination is a module of its own package (Debian 12's syslog-ng 3.38).
  'syslog-ng-http': { path: '/usr/lib/syslog-ng/3.38/libhttp.so', pkg: 'syslog-ng-mod-http' },
  'redis-server': { path: '/usr/bin/redis-server', pkg: 'redis-server' },
  'nats-server': { path: '/usr/sbin/nats-server', pkg: 'nats-server' },
  mosquitto: { path: '/usr/sbin/mosquitto', pkg: 'mosquitto' },
} as const;

export type SystemProgram = keyof typeof SYSTEM_PROGRAMS;

/**
 * The path of a program a test needs. When it is missing, the test is skipped with a message that names the
 * Debian package (and `undefined` is returned: the caller returns at once); with `CI` set a missing program
 * fails the test instead, so CI never skips silently. `npm test` installs the packages first
 * (scripts/ensure-system-packages.mjs) and `.ci/run` installs them with apt-get.
 */
export function systemProgram(t: TestContext, program: SystemProgram): string | undefined {
  const { path, pkg } = SYSTEM_PROGRAMS[program];
  if (existsSync(path)) return path;
  const why = `${program} is not installed at ${path}: install Debian's ${pkg} package (apt-get install -y ${pkg})`;
  if (process.env.CI) assert.fail(`${why}; CI must not skip it`);
  t.skip(why);
  return undefined;
}
