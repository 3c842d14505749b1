import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Compiled to dist/test/cli/: the repository root is three folders up. Needs `npm run build` first.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'duress.js');
const quickstart = path.join(root, 'scenarios', 'quickstart.yaml');

/**
 * Every command, given a bad flag or argument, must refuse it before doing anything: exit 2, one line on
 * stderr, nothing on stdout (a server would print "listening on"), nothing written in the working
 * folder (a run would create reports/), and quickly. "Quickly" is relative to this machine's speed of
 * the moment: the bound is a few times what `duress validate` of a good scenario takes (start Node,
 * load the CLI and the scenario loader), which is the most a refusal may need. A run that went ahead
 * would take minutes (the scenarios here last 10 minutes) and a server would never exit.
 */

interface Case {
  name: string;
  args: (dir: string) => string[];
  /** The one line duress must print. */
  says: RegExp;
}

/** Long enough that a run that went ahead could not finish within the bound. */
const LONG = ['--duration', '10m'];
/** A load target; nothing needs to listen there, since every case must be refused before any request. */
const TARGET = 'http://127.0.0.1:9/';

const cases: Case[] = [
  { name: 'no command', args: () => [], says: /Name a command/ },
  { name: 'an unknown command', args: () => ['rn'], says: /unknown command "rn"\. Did you mean run\?/ },
  { name: 'an unknown flag before the command', args: () => ['--bogus=1', 'schema'], says: /Unknown argument: bogus/ },

  { name: 'run without a file', args: () => ['run'], says: /run is missing an argument: duress run <file>/ },
  { name: 'run with an unknown flag', args: () => ['run', quickstart, ...LONG, '--bogus-flag'], says: /^duress: Unknown argument: bogus-flag$/ },
  { name: 'run with a negative duration', args: () => ['run', quickstart, '--duration', '-5s'], says: /--duration: .*got "-5s": a duration cannot be negative/ },
  { name: 'run with a duration without a unit', args: () => ['run', quickstart, '--duration', '30'], says: /--duration: .*a duration needs a unit/ },
  { name: 'run with --duration and no value', args: () => ['run', quickstart, '--duration'], says: /Not enough arguments following: duration/ },
  { name: 'run with a duration no timer can hold', args: () => ['run', quickstart, '--duration', '30d'], says: /--duration: expected at most 24d20h31m23\.647s .*got 30d/ },
  { name: 'run with --instances abc', args: () => ['run', quickstart, ...LONG, '--instances', 'abc'], says: /--instances: expected a whole number from 1 to 1000, got "abc"/ },
  { name: 'run with 10^12 instances', args: () => ['run', quickstart, ...LONG, '--instances', '1000000000000'], says: /--instances: expected a whole number from 1 to 1000/ },
  { name: 'run with a fractional seed', args: () => ['run', quickstart, ...LONG, '--seed', '1.5'], says: /--seed: expected a whole number/ },
  { name: 'run with --out naming a file', args: (d) => ['run', quickstart, ...LONG, '--out', path.join(d, 'a-file')], says: /--out .*a-file: it is a file, not a folder/ },
  { name: 'run with --out under a file', args: (d) => ['run', quickstart, ...LONG, '--out', path.join(d, 'a-file', 'x')], says: /--out .*a-file.*is a file, not a folder/ },
  { name: 'run with --metrics-port 70000', args: () => ['run', quickstart, ...LONG, '--metrics-port', '70000'], says: /--metrics-port: expected a whole number from 0 to 65,?535, got "?70000"?/ },
  { name: 'run with a bad --toxiproxy', args: () => ['run', quickstart, ...LONG, '--toxiproxy', 'ftp://x'], says: /--toxiproxy: expected the URL of a Toxiproxy server/ },
  { name: 'run with an --only the scenario lacks', args: () => ['run', quickstart, ...LONG, '--only', 'variant=patch'], says: /--only variant=patch: the scenario has no matrix dimension "variant"/ },
  { name: 'run with a bad --set', args: () => ['run', quickstart, ...LONG, '--set', 'instances'], says: /--set expects key\.path=value/ },
  { name: 'run with a missing file', args: (d) => ['run', path.join(d, 'nope.yaml')], says: /cannot read scenario file .*nope\.yaml: no such file/ },

  { name: 'run with a shard past the count', args: () => ['run', quickstart, ...LONG, '--shard', '5/4'], says: /--shard: expected I from 1 to 4 .*got "5\/4"/ },
  { name: 'run with a shard that is not I/N', args: () => ['run', quickstart, ...LONG, '--shard', 'x'], says: /--shard: expected I\/N, e\.g\. 1\/4 .*got "x"/ },

  { name: 'merge without folders', args: () => ['merge'], says: /merge is missing an argument: duress merge <dirs\.\.>/ },
  { name: 'merge of a folder that holds no shard', args: (d) => ['merge', d, '--out', path.join(d, 'merged')], says: /no journal\.jsonl there; expected the run folder of a shard/ },

  { name: 'report without a folder', args: () => ['report'], says: /report is missing an argument: duress report <dir>/ },
  { name: 'report of a binary file', args: () => ['report', process.execPath], says: /not a duress journal \(it holds binary data\)/ },
  { name: 'report of a folder without a journal', args: (d) => ['report', d], says: /no journal at/ },
  { name: 'report of a text file that is no journal', args: (d) => ['report', path.join(d, 'a-file')], says: /a-file: not a duress journal \(no run-start event; 1 line not JSON\)/ },
  { name: 'report with an unknown flag', args: (d) => ['report', d, '--bogus'], says: /Unknown argument: bogus/ },

  { name: 'compare without folders', args: () => ['compare'], says: /compare is missing an argument/ },
  { name: 'compare with one folder and no selectors', args: (d) => ['compare', d], says: /compare needs two run folders/ },
  { name: 'compare with a confidence of 2', args: (d) => ['compare', d, d, '--confidence', '2'], says: /--confidence: expected a number between 0 and 1/ },
  { name: 'compare with an unknown format', args: (d) => ['compare', d, d, '--format', 'xml'], says: /Invalid values: Argument: format, Given: "xml"/ },

  { name: 'validate without files', args: () => ['validate'], says: /validate is missing an argument/ },
  { name: 'validate with an unknown flag', args: () => ['validate', quickstart, '--bogus'], says: /Unknown argument: bogus/ },

  { name: 'schema with an unknown flag', args: () => ['schema', '--bogus'], says: /Unknown argument: bogus/ },
  { name: 'schema with an argument it does not take', args: () => ['schema', 'extra'], says: /Unknown argument: extra/ },

  { name: 'sink of an unknown kind', args: () => ['sink', 'nosuch'], says: /Invalid values: Argument: kind, Given: "nosuch", Choices: "cloudwatch"/ },
  { name: 'sink with port 99999', args: () => ['sink', 'cloudwatch', '--port', '99999'], says: /--port: expected a whole number from 0 to 65535, got "99999"/ },
  { name: 'sink with a duration without a unit', args: () => ['sink', 'cloudwatch', '--port', '0', '--idle-timeout', '300'], says: /--idle-timeout: .*needs a unit/ },
  { name: 'sink with a bad rate', args: () => ['sink', 'cloudwatch', '--port', '0', '--stream-rate', 'fast'], says: /--stream-rate: expected a rate/ },
  { name: 'sink with an unknown flag', args: () => ['sink', 'cloudwatch', '--port', '0', '--bogus'], says: /Unknown argument: bogus/ },

  { name: 'load without a URL', args: () => ['load'], says: /load is missing an argument: duress load <url>/ },
  { name: 'load of a URL that is not http', args: () => ['load', 'ftp://x/', ...LONG], says: /expected the target as an http:\/\/ or https:\/\/ URL .*got "ftp:\/\/x\/"/ },
  { name: 'load with --rate abc', args: () => ['load', TARGET, ...LONG, '--rate', 'abc'], says: /--rate: .*got "abc"/ },
  { name: 'load with --rate 0', args: () => ['load', TARGET, ...LONG, '--rate', '0/s'], says: /--rate: expected a rate above 0/ },
  { name: 'load with --connections 0', args: () => ['load', TARGET, ...LONG, '--connections', '0'], says: /--connections: expected a whole number from 1 to 10000, got "0"/ },
  { name: 'load with more workers than connections', args: () => ['load', TARGET, ...LONG, '--workers', '4', '--connections', '2'], says: /--workers 4 needs at least as many --connections \(got 2\)/ },
  { name: 'load with --pipelining 1.5', args: () => ['load', TARGET, ...LONG, '--pipelining', '1.5'], says: /--pipelining: expected a whole number/ },
  { name: 'load with a bad --method', args: () => ['load', TARGET, ...LONG, '--method', 'G T'], says: /--method: expected an HTTP method .*got "G T"/ },
  { name: 'load with a --header without a colon', args: () => ['load', TARGET, ...LONG, '--header', 'nocolon'], says: /--header: expected 'name: value', got "nocolon"/ },
  { name: 'load with a missing --body file', args: (d) => ['load', TARGET, ...LONG, '--body', `@${path.join(d, 'none.json')}`], says: /--body: cannot read .*none\.json/ },
  { name: 'load with a --fault without its amount', args: () => ['load', TARGET, ...LONG, '--fault', 'latency'], says: /--fault: latency needs its latency: expected a duration such as 500ms/ },
  { name: 'load with an unknown --fault', args: () => ['load', TARGET, ...LONG, '--fault', 'lag 5ms'], says: /--fault: expected a toxic \(latency, bandwidth/ },
  { name: 'load with a --fault duration without a unit', args: () => ['load', TARGET, ...LONG, '--fault', 'latency 100'], says: /--fault: the latency of latency: .*a duration needs a unit/ },
  { name: 'load with a --threshold on a metric load does not measure', args: () => ['load', TARGET, ...LONG, '--threshold', 'lost == 0'], says: /--threshold "lost == 0": lost is not measured by duress load/ },
  { name: 'load with a --threshold without a value', args: () => ['load', TARGET, ...LONG, '--threshold', 'p99 <'], says: /--threshold: threshold "p99 <": expected a value after "<"/ },
  { name: 'load with an unknown flag', args: () => ['load', TARGET, ...LONG, '--bogus'], says: /Unknown argument: bogus/ },

  { name: 'proxy with --seed abc', args: () => ['proxy', '--port', '0', '--seed', 'abc'], says: /--seed: expected a whole number from 0 to \d+, got "abc"/ },
  { name: 'proxy with port -1', args: () => ['proxy', '--port', '-1'], says: /--port: expected a whole number from 0 to 65535, got "-1"/ },
  { name: 'proxy with a missing --config', args: (d) => ['proxy', '--port', '0', '--config', path.join(d, 'none.json')], says: /--config: cannot read/ },
  { name: 'proxy with a --config that is not JSON', args: (d) => ['proxy', '--port', '0', '--config', path.join(d, 'a-file')], says: /--config .*a-file: bad JSON/ },
  { name: 'proxy with an unknown flag', args: () => ['proxy', '--port', '0', '--bogus'], says: /Unknown argument: bogus/ },
];

let base = '';
/** The most a refusal may take on this machine right now; see the comment at the top. */
let bound = 0;

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function duress(args: string[], cwd: string): Promise<Ran> {
  const started = performance.now();
  return new Promise((resolve) => {
    const env = { ...process.env, NO_COLOR: '1', TOXIPROXY_URL: '' };
    execFile(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env }, (err, stdout, stderr) => {
      const status = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
      resolve({ status, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Cases run three at a time (each is a Node process start, most of it CPU): the bound allows for that. */
const CONCURRENCY = 3;

before(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'duress-bad-input-'));
  const r = await duress(['validate', quickstart], base);
  assert.equal(r.status, 0, r.stderr);
  bound = 4 * CONCURRENCY * r.ms + 3000;
});

after(() => rmSync(base, { recursive: true, force: true }));

describe('every command refuses a bad flag or argument before doing anything', { timeout: 600_000, concurrency: CONCURRENCY }, () => {
  cases.forEach((c, i) => {
    test(c.name, { timeout: 150_000 }, async () => {
      // Each case in a folder of its own holding one text file, so anything it wrote would show.
      const cwd = path.join(base, `case-${i}`);
      mkdirSync(cwd);
      writeFileSync(path.join(cwd, 'a-file'), 'not a journal, not JSON\n');
      const r = await duress(c.args(cwd), cwd);
      assert.equal(r.status, 2, `exit code (stderr: ${r.stderr})`);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      assert.equal(lines.length, 1, `one line on stderr, got:\n${r.stderr}`);
      assert.match(lines[0] ?? '', /^duress: /);
      assert.match(lines[0] ?? '', c.says);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(r.stdout, '', 'nothing on stdout: no report, no "listening on"');
      assert.deepEqual(readdirSync(cwd), ['a-file'], 'nothing written: no reports/ folder, no --out folder');
      assert.ok(r.ms < bound, `refused in ${Math.round(r.ms)} ms; a good validate takes ${Math.round((bound - 3000) / (4 * CONCURRENCY))} ms here`);
    });
  });

  test('--out under /proc/1 (where Node 20 would spin forever making it) is refused at once', { timeout: 150_000 }, async () => {
    const r = await duress(['run', quickstart, ...LONG, '--out', '/proc/1/duress-x'], base);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^duress: --out \/proc\/1\/duress-x: cannot write in \/proc\/1: permission denied\n$/);
    assert.ok(r.ms < bound, `refused in ${Math.round(r.ms)} ms`);
  });
});

test('a closed pipe on stdout (duress schema | head) is not an error', { timeout: 150_000 }, () => {
  // `head -c 1` reads one byte and exits: every later write meets EPIPE. pipefail: the status is duress's.
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" schema | head -c 1 >/dev/null`], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `duress exits 0 (stderr: ${r.stderr})`);
  assert.equal(r.stderr, '', 'no EPIPE stack trace');
});
