import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { duration, flag, rate, size } from '../../core/fields.js';
import { MAX_RATE_PER_SECOND, MAX_RECORD_BYTES } from '../../core/limits.js';
import { resolveScenarioPath } from '../../core/scenario-directory.js';
import { mountNamespaceProblem } from './resolv-namespace.js';
import { templateProblem, type Placeholder } from './template.js';

/** How duress hands the records to the program, and the formats each way takes. */
export const INPUT_WAYS = {
  /** duress connects to the program's TCP port and writes one record per line. */
  tcp: ['lines', 'syslog'],
  /** duress POSTs batches to the program's HTTP endpoint. */
  http: ['ndjson', 'json'],
  /** duress appends lines to a file the program tails, and rotates it. */
  file: ['lines', 'syslog'],
  /** duress writes lines to the program's standard input. */
  stdin: ['lines', 'syslog'],
} as const;
export type InputWay = keyof typeof INPUT_WAYS;
export type InputFormat = (typeof INPUT_WAYS)[InputWay][number];

/** Where `command` is, or why it cannot be run: a path (with a `/`) from the scenario's folder, else a name on PATH. */
export function findCommand(command: string): { file: string } | { problem: string } {
  const executable = (file: string): boolean => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  };
  if (command.includes('/')) {
    const file = resolveScenarioPath(command);
    return executable(file) ? { file } : { problem: `no executable file at ${file} (a path with a / is read from the scenario file's folder)` };
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir !== '' && executable(path.join(dir, command))) return { file: path.join(dir, command) };
  }
  return { problem: `no program ${command} on PATH (give a path, such as ./build/fluent-bit, to run one that is not installed)` };
}

const command = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const found = findCommand(value);
    if ('problem' in found) {
      ctx.addIssue({ code: 'custom', message: found.problem, input: value });
      return value;
    }
    return found.file;
  })
  .describe('The program to run, without a shell: a path (./build/fluent-bit, from the scenario file\'s folder) or a name on PATH.');

const config = z
  .strictObject({
    file: z
      .string()
      .regex(/^[^/\\]+$/, { error: 'expected a file name (the file is made in the instance\'s folder), without a folder' })
      .default('config')
      .describe("The rendered file's name in the instance's folder; {{config}} is its path."),
    template: z.string().optional().describe('The template, inline: the program\'s config with {{placeholders}}.'),
    templateFile: z
      .string()
      .min(1)
      .transform((file, ctx) => {
        const absolute = resolveScenarioPath(file);
        try {
          return readFileSync(absolute, 'utf8');
        } catch {
          ctx.addIssue({ code: 'custom', message: `cannot read the template ${absolute} (a relative path is read from the scenario file's folder)`, input: file });
          return '';
        }
      })
      .optional()
      .describe('The template, from a file (relative to the scenario file).'),
  })
  .superRefine((c, ctx) => {
    if ((c.template === undefined) === (c.templateFile === undefined)) ctx.addIssue({ code: 'custom', message: 'expected one of template (inline) or templateFile', input: c });
  })
  .transform((c) => ({ file: c.file, text: c.template ?? c.templateFile ?? '' }));

const input = z
  .strictObject({
    via: z.enum(Object.keys(INPUT_WAYS) as [InputWay, ...InputWay[]]).describe('How the records reach the program: tcp (lines to its port), http (POSTs), file (a file it tails), stdin.'),
    format: z
      .enum(['lines', 'syslog', 'ndjson', 'json'])
      .optional()
      .describe('lines or syslog (RFC 5424) for tcp, file and stdin (default lines); ndjson or json (an array) for http (default ndjson).'),
    rate: rate({ positive: true, max: MAX_RATE_PER_SECOND, what: 'per instance' }).describe('Records per second, per instance (open model: the schedule does not wait for the program).'),
    recordSize: size({ positive: true, max: MAX_RECORD_BYTES, what: 'per record' }).prefault('200B').describe("Bytes of each record's message, id and timestamp included."),
    port: z.int().min(0).max(65535).default(0).describe('tcp, http: the port the program listens on ({{input.port}}); 0: a free one per instance.'),
    path: z.string().startsWith('/').default('/').describe('http: the path records are POSTed to.'),
    rotate: size({ positive: true }).prefault('64MB').describe('file: the size at which the file is rotated (renamed to <file>.1, a new one started).'),
    batch: z.int().min(1).max(100_000).default(1000).describe('Records per write or POST, at most.'),
  })
  .superRefine((i, ctx) => {
    const formats: readonly string[] = INPUT_WAYS[i.via];
    if (i.format !== undefined && !formats.includes(i.format)) ctx.addIssue({ code: 'custom', path: ['format'], message: `expected ${formats.join(' or ')} for input via ${i.via}, got ${i.format}`, input: i.format });
    if (i.port !== 0 && (i.via === 'file' || i.via === 'stdin')) ctx.addIssue({ code: 'custom', path: ['port'], message: `input via ${i.via} has no port`, input: i.port });
  })
  .transform((i) => ({ ...i, format: (i.format ?? INPUT_WAYS[i.via][0]) as InputFormat }))
  .describe('The records each instance receives.');

/**
 * `system: { kind: process, command, args, env, config, input, … }`: a real program as the system under
 * test (kind.ts). Every path is read from the scenario file's folder and checked here, before any run.
 */
export const processSchema = z
  .strictObject({
    kind: z.literal('process').describe('A real program (a forwarder build, your service) run as the system under test, one child process per instance.'),
    command,
    args: z.array(z.string()).default(() => []).describe('Its arguments, passed as they are (no shell); {{placeholders}} are filled per instance.'),
    env: z.record(z.string(), z.string()).default(() => ({})).describe("Environment variables set over duress's own; {{placeholders}} are filled per instance."),
    config: config.optional().describe("A config file rendered per instance from a template, in the instance's folder."),
    input,
    sink: z.string().min(1).default('cloudwatch').describe("The sink kind the program writes to; the scenario's sink.kind must be it."),
    loopback: flag()
      .default(false)
      .describe("Each instance's routes (and its input) on a loopback address of its own (127.x.y.z), so a program that insists on a fixed port still gets a route per instance."),
    routePort: z.int().min(0).max(65535).default(0).describe('With loopback: the port every route listens on (443 for a program that always connects there; below 1024 needs root). 0: a free one.'),
    dns: flag()
      .default(false)
      .describe("The program resolves the sink by its instance's own name ({{sink.host}}) through duress's DNS server ({{dns.host}}, {{dns.port}}): needed for DNS faults."),
    resolvConf: flag()
      .default(false)
      .describe(
        "With dns: each program runs in a mount namespace of its own whose /etc/resolv.conf names duress's DNS server (on port 53 of 127.53.x.y), " +
          'so a program that cannot be told of a resolver resolves {{sink.host}} there, and DNS faults reach it. Linux, as root, with util-linux.',
      ),
    shutdownGrace: duration({ positive: true }).prefault('5s').describe('After SIGTERM, how long the program may take to exit before it is recorded as a hang and killed (SIGKILL).'),
    startTimeout: duration({ positive: true }).prefault('10s').describe('How long the program may take to open its input.'),
    workDir: z
      .string()
      .min(1)
      .transform((dir) => resolveScenarioPath(dir))
      .optional()
      .describe("Where the instances' folders are made (and kept); default: a temporary folder per instance, removed when it ends."),
    stderrLines: z.int().min(0).max(1000).default(20).describe('Lines of its standard error kept as the evidence of a crash.'),
  })
  .superRefine((s, ctx) => {
    if (s.resolvConf && !s.dns) ctx.addIssue({ code: 'custom', path: ['resolvConf'], message: 'needs system.dns: true (the program must reach the sink by its name, {{sink.host}}, to resolve it)', input: s.resolvConf });
    const noNamespace = s.resolvConf ? mountNamespaceProblem() : undefined;
    if (noNamespace !== undefined) ctx.addIssue({ code: 'custom', path: ['resolvConf'], message: `cannot give each program a resolv.conf of its own here: ${noNamespace}; without it, DNS faults reach a program only through a resolver named in its config ({{dns.host}}, {{dns.port}})`, input: s.resolvConf });
    if (s.routePort !== 0 && !s.loopback) ctx.addIssue({ code: 'custom', path: ['routePort'], message: 'a fixed route port needs loopback: true (every instance then has an address of its own)', input: s.routePort });
    const allowed = (name: Placeholder): string | undefined => {
      if (name.startsWith('dns.') && !s.dns) return 'needs system.dns: true';
      if ((name === 'input.port' || name === 'input.host') && s.input.via !== 'tcp' && s.input.via !== 'http') return `is for input via tcp or http, not ${s.input.via}`;
      if (name === 'input.file' && s.input.via !== 'file') return `is for input via file, not ${s.input.via}`;
      if (name === 'config' && s.config === undefined) return 'needs system.config';
      return undefined;
    };
    const check = (text: string, where: (string | number)[]): void => {
      const problem = templateProblem(text, allowed);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: where, message: problem, input: text });
    };
    s.args.forEach((a, i) => check(a, ['args', i]));
    for (const [k, v] of Object.entries(s.env)) check(v, ['env', k]);
    if (s.config) check(s.config.text, ['config']);
  });

export type ProcessConfig = z.output<typeof processSchema>;
