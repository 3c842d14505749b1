#!/usr/bin/env node
// `pretest`: the programs some tests drive, from Debian's packages: Chromium renders the HTML report; syslog-ng,
// redis-server, nats-server and mosquitto are real systems under test. Installs what is missing when this process
// may (Linux, root, apt-get present); otherwise says which package and how. A test that needs a missing program
// fails with a message naming its package (test/helpers/system-program.ts); no test is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

/** Each program a test needs, where it lives, and the Debian package that brings it. Keep in step with .ci/run. */
const PROGRAMS = [
  { program: process.env.DURESS_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' },
  { program: '/usr/sbin/syslog-ng', pkg: 'syslog-ng-core' },
  { program: '/usr/lib/syslog-ng/3.38/libhttp.so', pkg: 'syslog-ng-mod-http' },
  { program: '/usr/bin/redis-server', pkg: 'redis-server' },
  { program: '/usr/sbin/nats-server', pkg: 'nats-server' },
  { program: '/usr/sbin/mosquitto', pkg: 'mosquitto' },
];

const say = (line) => process.stdout.write(`ensure-system-packages: ${line}\n`);

function run(command, args) {
  say(`$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
}

const missing = PROGRAMS.filter((p) => !existsSync(p.program));
if (missing.length === 0) {
  say(`present: ${PROGRAMS.map((p) => p.program).join(', ')}`);
} else {
  const pkgs = missing.map((p) => p.pkg);
  const manual = `install them (apt-get install -y ${pkgs.join(' ')}); the tests that need them fail until then`;
  if (process.platform !== 'linux') say(`missing ${pkgs.join(', ')} and this is not Linux: ${manual}`);
  else if (typeof process.getuid === 'function' && process.getuid() !== 0) say(`missing ${pkgs.join(', ')} and installing needs root: ${manual}`);
  else if (!which('apt-get')) say(`missing ${pkgs.join(', ')} and apt-get is not available: ${manual}`);
  else {
    say(`missing ${pkgs.join(', ')}: installing Debian's packages`);
    const ok = run('apt-get', ['update']) && run('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs]);
    const still = missing.filter((p) => !existsSync(p.program));
    if (ok && still.length === 0) say(`installed ${pkgs.join(', ')}`);
    else say(`could not install ${still.map((p) => p.pkg).join(', ')} (see apt-get's output above): ${manual}`);
  }
}
