import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The package as a user gets it: `npm pack` of the built repository, installed into a fresh project, then
 * used through `import ... from 'duress'` (the README's example, run as it is written) and through its
 * types. Offline: the runtime dependencies are copied from the repository's node_modules (those its
 * package-lock.json does not mark dev) into the fresh project before the tarball is installed with
 * --offline, so npm finds every one of them already there and fetches nothing. Nothing links back into
 * the repository's node_modules, which npm would otherwise treat as its own to rearrange.
 */

// Compiled to dist/test/cli/: the repository root is three folders up. Needs `npm run build` first.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const repoModules = path.join(root, 'node_modules');
const work = mkdtempSync(path.join(tmpdir(), 'duress-package-'));
const project = path.join(work, 'fresh');
let packed: { filename: string; files: { path: string }[] };
after(() => rmSync(work, { recursive: true, force: true }));

/** The environment of the commands run here: npm's own variables of an enclosing `npm test` left out. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));

function run(file: string, args: string[], cwd: string, timeout: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
      resolve({ code, stdout, stderr: `${stderr}${err && code === null ? `\n(${err.message})` : ''}` });
    });
  });
}

/** The npm that came with the running Node (npm-cli.js beside it), else the one on PATH. */
function npm(args: string[], cwd: string, timeout: number): ReturnType<typeof run> {
  const cli = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  return existsSync(cli) ? run(process.execPath, [cli, ...args], cwd, timeout) : run('npm', args, cwd, timeout);
}

/** The README's library example: the js code block under "Using duress as a library". */
function readmeExample(): string {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## Using duress as a library$/m)[1];
  assert.ok(section !== undefined, 'README.md has a "## Using duress as a library" section');
  const block = /^```js\n([\s\S]*?)^```$/m.exec(section);
  assert.ok(block?.[1] !== undefined, 'that section has a js code block');
  return block[1];
}

before(async () => {
  // The build's dist/ is packed as it is (npm test built it): --ignore-scripts skips `prepare`'s rebuild.
  const pack = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work, root], work, 60_000);
  assert.equal(pack.code, 0, `npm pack failed:\n${pack.stderr}`);
  packed = (JSON.parse(pack.stdout) as [typeof packed])[0];

  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'fresh', private: true, type: 'module' }, null, 2)}\n`);
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean; bin?: Record<string, string> }>;
  };
  mkdirSync(path.join(project, 'node_modules', '.bin'), { recursive: true });
  for (const [where, entry] of Object.entries(lock.packages)) {
    // Top-level runtime packages only: a nested one (node_modules/a/node_modules/b) comes with its parent.
    if (where === '' || entry.dev || entry.devOptional || where.lastIndexOf('node_modules/') !== 0) continue;
    cpSync(path.join(root, where), path.join(project, where), { recursive: true });
    // A package whose bin links are missing counts as not installed, and npm would fetch it again.
    for (const name of Object.keys(entry.bin ?? {})) {
      const link = path.join('node_modules', '.bin', name);
      symlinkSync(readlinkSync(path.join(root, link)), path.join(project, link));
    }
  }
  const install = await npm(['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', path.join(work, packed.filename)], project, 90_000);
  assert.equal(install.code, 0, `npm install of the tarball failed:\n${install.stderr}`);
});

// The checks below only read the installed project, each its own files: they run side by side (the README's example
// mostly waits on its 3 s run while tsc compiles), so the file takes the longest one's wall time, not the sum.
describe('package', { concurrency: true }, () => {
  test('package: the tarball ships the built library, the CLI, the schema and the scenarios; no tests, benches, sources or source maps', () => {
    const files = packed.files.map((f) => f.path);
    for (const needed of ['package.json', 'README.md', 'bin/duress.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'schema/scenario.schema.json', 'scenarios/quickstart.yaml']) {
      assert.ok(files.includes(needed), `the tarball holds ${needed}`);
    }
    const unwanted = files.filter((f) => /^(dist\/)?(test|bench)\//.test(f) || /^src\//.test(f) || f.endsWith('.map') || /\.test\./.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')));
    assert.deepEqual(unwanted, []);
    assert.ok(files.every((f) => /^(dist\/src|bin|schema|scenarios)\//.test(f) || ['package.json', 'README.md', 'LICENSE'].includes(f)), `only what users need: ${files.filter((f) => !f.startsWith('dist/src/')).join(', ')}`);
  });

  test("package: the README's example runs from a fresh project: the quickstart delivers every record it generated, and its Markdown report renders", async () => {
    const example = readmeExample();
    const started = performance.now();
    const { code, stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', example], project, 90_000);
    assert.equal(code, 0, `the example failed:\n${stderr}`);
    const counts = /^generated (\d+), delivered (\d+), lost (\d+), exit code (\d+)$/m.exec(stdout);
    assert.ok(counts, `the example prints its counts:\n${stdout.slice(0, 2000)}`);
    const [generated, delivered, lost, exitCode] = counts.slice(1).map(Number) as [number, number, number, number];
    // Four instances at 500 records/s for 3 s of load (scenarios/quickstart.yaml with the example's duration;
    // its own 20 s would make 40,000). Instances that boot before the cell's load starts generate a little
    // more, a machine too loaded to keep the rate a little less: generous bounds either way.
    const expected = 4 * 500 * 3;
    assert.ok(generated >= expected * 0.5 && generated <= expected * 1.5, `generated ${generated}, expected about ${expected}`);
    assert.equal(delivered, generated);
    assert.equal(lost, 0);
    assert.equal(exitCode, 0);
    assert.match(stdout, /^## duress: quickstart/m, 'the Markdown report follows');
    assert.match(stderr, /default: (load|drain|done), \d+\/\d+ delivered/, 'progress events came while it ran');
    assert.ok(performance.now() - started < 80_000);
  });

  test('package: its types resolve from a fresh TypeScript project (NodeNext), and a wrong use does not compile', async () => {
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [path.join(repoModules, '@types')] },
        include: ['good.ts', 'bad.ts'],
      }),
    );
    writeFileSync(
      path.join(project, 'good.ts'),
      `import { checkScenario, compareRuns, ExitCode, InputError, loadScenario, renderReport, runScenario, startCloudWatchSink, startFaultProxy, type RunOutcome, type ScenarioProblem } from 'duress';
import { duration, INTERRUPTED, registerSinkKind, registerSystemKind, registerToxicKind, Watch, type OutputModule, type SinkKind, type SystemKind, type Toxic, type ToxicStub, type Verdict } from 'duress';
const loaded = await loadScenario('scenario.yaml', { set: { duration: '5s' }, only: { variant: 'patch' } });
const outcome: RunOutcome = await runScenario(loaded, { out: 'reports/x', signal: AbortSignal.timeout(1000), onProgress: (p) => p.cells[0]?.delivered });
const markdown: string = renderReport(outcome.results, 'markdown');
const verdict: string = compareRuns(outcome.results, { results: outcome.results, cells: { variant: 'patch' } }).verdict;
const check = await checkScenario({ text: 'name: x' });
const problems: ScenarioProblem[] = check.problems;
const code: number = outcome.exitCode === ExitCode.thresholdFailed ? 1 : 0;
const proxy = await startFaultProxy({ port: 0 });
const sink = await startCloudWatchSink({ sequenceTokens: 'enforced' });
await Promise.all([proxy.stop(), sink.stop()]);
export const used = [markdown, verdict, problems, code, new InputError('x').exitCode, proxy.url, sink.url];
// Extension points: an output module, a toxic, a system kind, a sink kind and a watch, from the user's own code.
export const output: OutputModule = async ({ records, request, drop }) => {
  for await (const batch of records) {
    const done = request();
    drop(batch.filter((r) => r.message.length === 0));
    done('ok');
  }
};
class Hold implements Toxic<{ delay: number }> {
  readonly schema = { goName: 'HoldToxic', fields: [{ key: 'delay', kind: 'int64' }] } as const;
  readonly attributes = { delay: 0 };
  async pipe(stub: ToxicStub): Promise<void> {
    for (;;) {
      const c = await stub.read();
      if (c === INTERRUPTED) return;
      if (c === null) return stub.close();
      await stub.write(c);
    }
  }
}
registerToxicKind({ name: 'hold', create: () => new Hold(), description: 'Holds nothing.', params: { delay: duration().prefault(0) }, attributes: { delay: { from: 'delay', unit: 'ms' } }, stopsData: false, describe: (spec) => ' ' + String(spec.delay) + 'ms' });
declare const mySystem: SystemKind;
declare const mySink: SinkKind;
registerSystemKind(mySystem);
registerSinkKind(mySink);
export class QuietWatch extends Watch {
  check(now: number): Verdict | undefined {
    return this.unresponsive(now, Number.NaN);
  }
}
`,
    );
    writeFileSync(
      path.join(project, 'bad.ts'),
      `import { loadScenario, renderReport, runScenario } from 'duress';
const outcome = await runScenario(await loadScenario('scenario.yaml'));
export const coloured = renderReport(outcome.results, 'markdown', { color: 'yes' });
export const late = runScenario('scenario.yaml');
`,
    );
    const tsc = path.join(repoModules, 'typescript', 'bin', 'tsc');
    const { code, stdout } = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], project, 90_000);
    assert.notEqual(code, 0, 'the wrong use fails to compile');
    const errors = stdout.split('\n').filter((l) => /error TS\d+/.test(l));
    assert.ok(
      errors.every((l) => l.startsWith('bad.ts')),
      `only bad.ts has errors:\n${stdout}`,
    );
    // Report formats are registered at run time (registerRenderer), so an unknown name is refused then, not by tsc.
    assert.ok(errors.some((l) => l.startsWith('bad.ts(3,') && l.includes('boolean')), `a wrong option type is refused:\n${stdout}`);
    assert.ok(errors.some((l) => l.startsWith('bad.ts(4,')), `a file name is not a loaded scenario:\n${stdout}`);
  });

  test('package: the installed CLI runs (bin/duress.js finds the built code)', async () => {
    const { code, stdout, stderr } = await run(process.execPath, [path.join(project, 'node_modules', 'duress', 'bin', 'duress.js'), '--version'], project, 30_000);
    assert.equal(code, 0, stderr);
    assert.equal(stdout.trim(), (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
