#!/usr/bin/env node
// `pretest`: the HTML report test renders the report in headless Chromium (Debian's `chromium` package,
// /usr/bin/chromium, driven by playwright-core). Installs the package when it is missing and this process
// may (root, apt-get present); otherwise says why, and the test fails with the same explanation.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const CHROMIUM = process.env.DURESS_CHROMIUM ?? '/usr/bin/chromium';
const say = (line) => process.stdout.write(`ensure-chromium: ${line}\n`);

function run(command, args) {
  say(`$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
}

if (existsSync(CHROMIUM)) {
  say(`${CHROMIUM} is present`);
} else if (process.platform !== 'linux') {
  say(`${CHROMIUM} is missing and this is not Linux: install Chromium and set DURESS_CHROMIUM to its path; the HTML report test will fail until then`);
} else if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  say(`${CHROMIUM} is missing and installing it needs root: run \`sudo apt-get install -y chromium\`; the HTML report test will fail until then`);
} else if (!which('apt-get')) {
  say(`${CHROMIUM} is missing and apt-get is not available: install Chromium and set DURESS_CHROMIUM to its path; the HTML report test will fail until then`);
} else {
  say(`${CHROMIUM} is missing: installing Debian's chromium package`);
  const ok = run('apt-get', ['update']) && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (ok && existsSync(CHROMIUM)) say(`installed ${CHROMIUM}`);
  else say(`could not install chromium (see apt-get's output above); the HTML report test will fail until it is installed`);
}
