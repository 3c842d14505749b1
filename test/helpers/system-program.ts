import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';

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
 * The path of a program a test needs. A missing program fails the test with a message that names the Debian
 * package and how to install it: no test is ever skipped. `npm test` installs the packages first when it may
 * (scripts/ensure-system-packages.mjs, as root with apt-get), and `.ci/run` installs them with apt-get.
 */
export function systemProgram(program: SystemProgram): string {
  const { path, pkg } = SYSTEM_PROGRAMS[program];
  if (existsSync(path)) return path;
  assert.fail(`${program} is not installed at ${path}: install Debian's ${pkg} package (apt-get install -y ${pkg}); npm test installs it when run as root with apt-get`);
}
