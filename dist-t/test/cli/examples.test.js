import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { Job } from 'kubernetes-models/batch/v1';
import { ConfigMap, PersistentVolumeClaim } from 'kubernetes-models/v1';
import { parse, parseAllDocuments } from 'yaml';
import { PassThrough } from 'node:stream';
import { checkScenario } from '../../src/api/scenario.js';
import { runCli } from '../../src/cli/main.js';
// Compiled to dist/test/cli/: the repository root is three folders up.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const workflowText = readFileSync(path.join(root, 'examples', 'github-actions.yml'), 'utf8');
const manifestText = readFileSync(path.join(root, 'examples', 'kubernetes-indexed-job.yaml'), 'utf8');
/**
 * The scale-out examples a user copies: each is checked by a validator of its own platform, and their own
 * commands (read from the files, never copied here) are run on this machine, shard by shard, then the merge.
 * Each command is run by the shell the platform runs it with (bash -e for GitHub Actions, the container's
 * `sh -c` for Kubernetes), with the step's or container's environment, so variables, quotes and globs are
 * expanded as there; `npx duress` is a shell function that hands the words it got to duress's CLI, run in
 * this process (ten Node processes would cost this 2-core machine more than the runs). SCENARIO names a
 * short scenario of the test's.
 */
/** A short scenario: 2 instance slots over 4 shards, so two shards run a slot each and two run none. */
const SCENARIO = `
name: examples-test
seed: 3
duration: 1s
instances: 2
drain: 2s
system:
  kind: forwarder
  input: { rate: 100/s, recordSize: 200B }
  flush: 250ms
  scheduler: { kind: sync-minimal, base: 100ms, cap: 1s, retryLimit: unlimited }
  output: { kind: cloudwatch, logGroup: duress-examples }
sink: { kind: cloudwatch, streamRate: 0/s }
thresholds:
  - "failures == 0"
`;
/**
 * `npx [--yes] duress[@version] ARGS…` as a shell function that prints ARGS as the shell expanded them (NUL
 * after each); any other npx command fails the script.
 */
const NPX_SHIM = 'npx() { if [ "$1" = --yes ]; then shift; fi; case "$1" in duress|duress@*) shift; printf \'%s\\0\' "$@";; *) echo "not duress: $*" >&2; exit 9;; esac; }';
/** Runs `script` with `shell` (e.g. ['bash', '-e', '-c']) as the platform would, then the duress command it holds in this process. */
async function runScript(shell, script, options) {
    const [file, ...flags] = shell;
    const expanded = await run(file, [...flags, `${NPX_SHIM}\n${script}`], options);
    assert.equal(expanded.code, 0, `${script}: ${expanded.stderr}`);
    assert.ok(expanded.stdout.endsWith('\0'), `${script} runs npx duress`);
    const argv = expanded.stdout.slice(0, -1).split('\0');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let output = '';
    stdout.on('data', (d) => (output += d.toString()));
    stderr.on('data', (d) => (output += d.toString()));
    const code = await runCli(argv, { stdout, stderr, env: { ...options.env }, cwd: options.cwd, interrupted: new AbortController().signal });
    return { code, stdout: output, stderr: '' };
}
/** Runs a command to its end (at most 90 s). */
function run(file, args, options) {
    return new Promise((resolve, reject) => {
        const child = spawn(file, args, { cwd: options.cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d.toString('latin1')));
        child.stderr.on('data', (d) => (stderr += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
        child.on('error', reject);
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
        });
    });
}
/** `${{ … }}` expressions replaced from `values`; one left over is an error (the test would not run what GitHub runs). */
function expand(text, values) {
    const out = text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name) => values[name] ?? whole);
    assert.doesNotMatch(out, /\$\{\{/, `an expression the test does not know, in: ${out}`);
    return out;
}
let dir;
let scenarioFile;
before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'duress-examples-'));
    scenarioFile = path.join(dir, 'scenario.yaml');
    writeFileSync(scenarioFile, SCENARIO);
});
after(() => rmSync(dir, { recursive: true, force: true }));
describe('examples/github-actions.yml', () => {
    test('is a valid workflow (action-validator), and the validator refuses a broken copy', () => {
        assert.deepEqual(validateWorkflow(workflowText).errors, []);
        assert.notDeepEqual(validateWorkflow(workflowText.replace(/runs-on:/g, 'runs_on:')).errors, [], 'the validator checks what it is given');
    });
});
describe('examples/kubernetes-indexed-job.yaml', () => {
    test('every manifest is valid (kubernetes-models), and the scenario in its ConfigMap too', async () => {
        const models = { Job, ConfigMap, PersistentVolumeClaim };
        const docs = parseAllDocuments(manifestText).map((d) => d.toJS());
        assert.deepEqual(docs.map((d) => d.kind), ['PersistentVolumeClaim', 'ConfigMap', 'Job', 'Job']);
        for (const doc of docs) {
            const Model = models[doc.kind];
            assert.ok(Model, `a model for ${doc.kind}`);
            new Model(doc).validate();
        }
        assert.throws(() => new Job({ metadata: { name: 'x' }, spec: { template: { spec: { containers: [{ name: 1 }] } } } }).validate(), 'the models check what they are given');
        const scenario = docs.find((d) => d.kind === 'ConfigMap').data['scenario.yaml'];
        const checked = await checkScenario({ text: scenario });
        assert.deepEqual(checked.problems, []);
    });
});
/** GitHub Actions: the matrix of shards, the artifacts, the merge into the step summary. */
async function githubActions() {
    {
        const workflow = parse(workflowText);
        const [shardName, shardJob] = Object.entries(workflow.jobs).find(([, j]) => j.strategy?.matrix);
        const mergeJob = Object.values(workflow.jobs).find((j) => [j.needs].flat().includes(shardName));
        const matrix = shardJob.strategy.matrix.shard.map(String);
        const cwd = path.join(dir, 'github');
        mkdirSync(cwd);
        const env = { ...workflow.env, SCENARIO: scenarioFile };
        const duressSteps = (job) => job.steps.filter((s) => s.run?.includes('duress'));
        assert.equal(duressSteps(shardJob).length, 1);
        assert.equal(duressSteps(mergeJob).length, 1);
        const shardRuns = await Promise.all(matrix.map((shard) => {
            const values = { 'matrix.shard': shard, 'strategy.job-total': String(matrix.length) };
            // What the shard uploads is what the merge job downloads: `path/<artifact name>` is the shard's folder.
            const upload = shardJob.steps.find((s) => s.uses?.startsWith('actions/upload-artifact')).with;
            const download = mergeJob.steps.find((s) => s.uses?.startsWith('actions/download-artifact')).with;
            assert.equal(path.join(String(download.path), expand(String(upload.name), values)), expand(String(upload.path), values));
            assert.ok(new RegExp(`^${String(download.pattern).replace('*', '.*')}$`).test(expand(String(upload.name), values)), 'the download pattern takes every shard');
            return runScript(['bash', '-e', '-c'], expand(duressSteps(shardJob)[0].run, values), { cwd, env });
        }));
        shardRuns.forEach((r, i) => assert.equal(r.code, 0, `shard ${matrix[i]}: ${r.stdout}`));
        const summary = path.join(cwd, 'step-summary.md');
        const merged = await runScript(['bash', '-e', '-c'], expand(duressSteps(mergeJob)[0].run, {}), { cwd, env: { ...env, GITHUB_STEP_SUMMARY: summary } });
        assert.equal(merged.code, 0, merged.stdout);
        const posted = readFileSync(summary, 'utf8');
        assert.match(posted, /^## duress: examples-test/m);
        assert.match(posted, /merged from 4 of 4 shards \(1, 2, 3, 4\)/);
        assert.match(posted, /failures == 0/);
    }
}
/** Kubernetes: the Indexed Job's pods on a shared folder, then the merge Job. */
async function kubernetes() {
    {
        const jobs = parseAllDocuments(manifestText).map((d) => d.toJS()).filter((d) => d.kind === 'Job');
        const indexed = jobs.find((j) => j.spec.completionMode === 'Indexed');
        const merge = jobs.find((j) => j !== indexed);
        const cwd = path.join(dir, 'kubernetes');
        mkdirSync(cwd);
        // The folder stands for the shared volume: every pod works in it.
        const runsMount = (c) => c.volumeMounts.find((m) => m.name === 'runs').mountPath;
        const podRun = (c, extra) => {
            assert.equal(c.workingDir, runsMount(c), 'the pod works in the shared volume');
            const env = { ...Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value])), SCENARIO: scenarioFile, ...extra };
            // The container runs `sh -c SCRIPT`: the script is the last word.
            const words = [...c.command, ...(c.args ?? [])];
            return runScript(words.slice(0, -1), words.at(-1), { cwd, env });
        };
        const pod = indexed.spec.template.spec.containers[0];
        const completions = indexed.spec.completions;
        const pods = await Promise.all(Array.from({ length: completions }, (_, i) => podRun(pod, { JOB_COMPLETION_INDEX: String(i) })));
        pods.forEach((r, i) => assert.equal(r.code, 0, `pod ${i}: ${r.stdout}`));
        const merged = await podRun(merge.spec.template.spec.containers[0], {});
        assert.equal(merged.code, 0, merged.stdout);
        assert.match(merged.stdout, /merged 4 of 4 shards/);
        const report = readFileSync(path.join(cwd, 'merged', 'report.md'), 'utf8');
        assert.match(report, /merged from 4 of 4 shards \(1, 2, 3, 4\)/);
        assert.ok(existsSync(path.join(cwd, 'merged', 'results.json')));
    }
}
// Both at once, as two clusters would: the machine's two cores are shared either way.
test('the examples\' own commands, run here shard by shard, then the merge', { timeout: 150_000 }, async () => {
    await Promise.all([githubActions(), kubernetes()]);
});
//# sourceMappingURL=examples.test.js.map