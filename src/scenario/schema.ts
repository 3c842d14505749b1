import { z } from 'zod';
import { parseThreshold } from '../stats/thresholds-parser.js';
import { brokerSchema } from './broker-schema.js';
import { faultsSchema, type FaultsSchema } from './fault-schema.js';
import { duration, flag, rate, retryLimit, size } from './fields.js';
import { MAX_CELLS, MAX_CLOCK_SPEED, MAX_INSTANCES, MAX_RATE_PER_SECOND, MAX_RECORD_BYTES } from './limits.js';
import { checkFaultLinks } from './links.js';
import { describeInput } from '../core/units.js';
import { defaultMaxEventSize } from '../sinks/cloudwatch/limits.js';
import type { Scenario } from './types.js';

/**
 * The scenario file's schema: YAML in, `Scenario` out. Objects are strict (a misspelt key is an error,
 * not a silent default), unit strings become numbers (ms, per second, bytes), and every default is
 * applied here so the engine never guesses. Defaults follow Fluent Bit where it has one (domain.md §1).
 *
 * Defaults of unit fields are given in their YAML form (`prefault`) so the JSON Schema shows `"1s"`,
 * not `1000`.
 */

/** Fluent Bit's async DNS timeout: connect_timeout minus 1 s when over 3 s, else minus a third (domain.md §1). */
export function deriveDnsTimeout(connectTimeoutMs: number): number {
  return connectTimeoutMs > 3000 ? connectTimeoutMs - 1000 : connectTimeoutMs - connectTimeoutMs / 3;
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const schedulerSchema = z
  .strictObject({
    kind: z
      .enum(['async', 'sync-minimal', 'sync-legacy'])
      .default('async')
      .describe(
        'async: up to `workers` flushes in flight. sync-minimal: one batch at a time, the next as soon as the last ends (the seed\'s patch, FLB_OUTPUT_SYNCHRONOUS). sync-legacy: at most one batch per flush interval (FLB_OUTPUT_NO_MULTIPLEX).',
      ),
    workers: z.int().min(1).default(1).describe('Concurrent flushes for the async scheduler (Fluent Bit `workers`; 1 for cloudwatch_logs).'),
    base: duration({ positive: true }).prefault('5s').describe('Retry backoff base (Fluent Bit `scheduler.base`). Each wait is uniform in [base, min(base * 2^n, cap)].'),
    cap: duration({ positive: true }).prefault('2000s').describe('Retry backoff cap (Fluent Bit `scheduler.cap`).'),
    retryLimit: retryLimit()
      .prefault(1)
      .describe('Retries per chunk after the first attempt (Fluent Bit `Retry_Limit`): a number, no_retries (0), or unlimited / no_limits / false / off.'),
  })
  .superRefine((s, ctx) => {
    if (typeof s.base === 'number' && typeof s.cap === 'number' && s.cap < s.base) {
      ctx.addIssue({ code: 'custom', path: ['cap'], message: 'expected a cap at least as long as base', input: s.cap });
    }
  })
  .describe('How flushes are scheduled and retried.');

const cloudWatchOutputSchema = z
  .strictObject({
    kind: z.literal('cloudwatch').default('cloudwatch').describe('Output plugin. Only cloudwatch for now.'),
    logGroup: z.string().min(1).default('duress').describe('Log group written to.'),
    logStreamPrefix: z.string().default('instance-').describe('Each instance writes to its own stream: `<prefix><instance index>`.'),
    autoCreateGroup: flag().prefault(true).describe('Create the log group when CreateLogStream finds it missing (Fluent Bit `auto_create_group`).'),
  })
  .describe('Where the forwarder sends records.');

const netSchema = z
  .strictObject({
    stack: z
      .enum(['async', 'sync'])
      .default('async')
      .describe('async: undici with every timeout enforced. sync: the legacy blocking-style stack, with its known defects (DNS and reads without timeouts, unwatched idle connections).'),
    keepalive: flag().prefault(true).describe('Reuse connections (Fluent Bit `net.keepalive`).'),
    keepaliveIdleTimeout: duration({ positive: true }).prefault('30s').describe('Idle keep-alive connections are closed after this (`net.keepalive_idle_timeout`).'),
    connectTimeout: duration({ positive: true }).prefault('10s').describe('Connect timeout, TLS handshake included (`net.connect_timeout`).'),
    ioTimeout: duration().prefault(0).describe('Read/write timeout; 0 means none (`net.io_timeout`, default 0).'),
    dnsTimeout: duration({ positive: true })
      .optional()
      .describe('DNS lookup timeout on the async stack. Default: connectTimeout minus 1s when over 3s, else minus a third (9s for 10s).'),
  })
  .transform((net) => ({ ...net, dnsTimeout: net.dnsTimeout ?? deriveDnsTimeout(net.connectTimeout) }))
  .describe('Network stack of the forwarder.');

const forwarderSchema = z
  .strictObject({
    kind: z.literal('forwarder').describe('The in-process log forwarder, modelled on Fluent Bit\'s output path.'),
    input: z
      .strictObject({
        rate: rate({ positive: true, max: MAX_RATE_PER_SECOND, what: 'per instance' }).describe(
          'Records per second, per instance: 2000/s, 120/m, 10/h, or a plain number per second (at most 1000000/s).',
        ),
        recordSize: size({ positive: true, max: MAX_RECORD_BYTES, what: 'per record' })
          .prefault('200B').describe('Bytes of message per record, id and timestamp included.'),
      })
      .describe('The load each instance receives.'),
    flush: duration({ positive: true }).prefault('1s').describe('Flush interval (Fluent Bit `Flush`).'),
    memLimit: size({ positive: true })
      .prefault('64MB')
      .describe('Memory buffer limit (Fluent Bit `Mem_Buf_Limit`). Sizes are 1024-based as in Fluent Bit: 64MB = 64 * 1024 * 1024 bytes.'),
    onFull: z.enum(['pause', 'drop']).default('pause').describe('When the buffer is full: pause the input (records wait) or drop (counted as declared drops).'),
    chunkSize: size({ positive: true }).prefault('512KB').describe('Largest chunk handed to the output in one batch.'),
    scheduler: schedulerSchema.prefault({}),
    output: cloudWatchOutputSchema.prefault({}),
    net: netSchema.prefault({}),
  })
  .superRefine((f, ctx) => {
    if (typeof f.chunkSize === 'number' && typeof f.memLimit === 'number' && f.chunkSize > f.memLimit) {
      ctx.addIssue({ code: 'custom', path: ['chunkSize'], message: 'expected a chunk size no larger than memLimit', input: f.chunkSize });
    }
  });

/** Kinds of system under test. Adding one (process, http) is one more option here and in types.ts. */
const systemSchema = z.discriminatedUnion('kind', [forwarderSchema, brokerSchema]).describe('The system under test, chosen by `kind`.');

/**
 * The CloudWatch service generation the sink emulates, chosen by `sequenceTokens` (the two changed together
 * in January 2023): `ignored` (today) has no per-stream quota and 1 MB events; `enforced` (before 2023)
 * has the 5 requests/s per-stream quota and 256 KB events. `streamRate` and `maxEventSize` override either.
 */
const cloudWatchSinkSchema = z
  .strictObject({
    kind: z.literal('cloudwatch').describe('A mock of the CloudWatch Logs API.'),
    sequenceTokens: z
      .union([z.enum(['enforced', 'ignored']), flag()], {
        error: (iss) => `expected enforced or ignored (yes/no, true/false also work), got ${describeInput(iss.input)}`,
      })
      .default('ignored')
      .transform((v): 'enforced' | 'ignored' => (v === true ? 'enforced' : v === false ? 'ignored' : v))
      .describe(
        "ignored (default, the service since January 2023): tokens are accepted and ignored, never InvalidSequenceTokenException. enforced: the pre-2023 service, each put must carry the token the last one returned (Fluent Bit 1.9 and earlier rely on it). yes/no are accepted for enforced/ignored.",
      ),
    streamRate: rate()
      .optional()
      .describe('Per-stream PutLogEvents quota (requests per second); 0 disables it. Default: 5/s with enforced sequence tokens (the pre-2023 quota), 0 with ignored ones (the quota was removed with the tokens).'),
    streamBurst: z.int().min(1).default(5).describe('Token-bucket burst for the per-stream quota.'),
    maxEventSize: size()
      .optional()
      .describe('Largest log event, counted as UTF-8 message bytes + 26. Default: 256KB with enforced sequence tokens, 1MB with ignored ones (raised in April 2025).'),
    idleTimeout: duration({ positive: true }).prefault('6s').describe('Idle keep-alive connections are closed by the sink after this (the real service: 6s).'),
    latency: duration().prefault(0).describe('Service time added to each request.'),
    tls: flag().prefault(false).describe('Serve HTTPS with a certificate made at start (CA written into the run directory); the proxy carries the TLS bytes.'),
    keepEvents: size()
      .prefault(0)
      .describe('Bytes of stored events the sink keeps for GetLogEvents / FilterLogEvents (oldest dropped first); 0 keeps none (the ledger still sees every batch).'),
    requestBudget: size()
      .prefault('64MB')
      .describe('Request bytes the sink holds at once across all connections; a request that does not fit waits (TCP backpressure) until earlier ones are done.'),
  })
  .transform((sink) => ({
    ...sink,
    streamRate: sink.streamRate ?? (sink.sequenceTokens === 'enforced' ? 5 : 0),
    maxEventSize: sink.maxEventSize ?? defaultMaxEventSize(sink.sequenceTokens),
  }));

/** Kinds of mock sink. Adding one (http, tcp) is one more option here and in types.ts. */
const sinkSchema = z.discriminatedUnion('kind', [cloudWatchSinkSchema]).describe('The mock service the system writes to, chosen by `kind`. Ignored by a broker, which has no sink.');

const failuresSchema = z
  .strictObject({
    hangWindow: duration({ positive: true }).prefault('60s').describe('Input keeps arriving but nothing is delivered for this long: a hang.'),
    memoryLimit: size().prefault(0).describe(
      'Live memory per instance above which it is declared failed; 0 = no limit. Judged as a container memory limit (cgroup memory.max) judges a process, ' +
        'after reclaim: an instance is a worker thread, so its live memory is its V8 heap in use right after a full garbage collection plus its external memory ' +
        '(Buffers); it fails when two full collections in a row leave it over the limit. Garbage not yet collected is never judged.',
    ),
    confidence: z.number().gt(0).lt(1).default(0.95).describe('Confidence of the hours-to-failure lower bound.'),
  })
  .describe('What counts as a failure, and how sure the bounds are.');

const reportSchema = z
  .strictObject({
    interval: duration({ positive: true }).prefault('10s').describe('Metrics interval for the journal and the over-time charts.'),
    formats: z
      .array(z.enum(['terminal', 'json', 'markdown', 'html', 'junit']))
      .default(() => ['terminal' as const, 'json' as const, 'markdown' as const, 'html' as const, 'junit' as const])
      .describe('Reports written after a run (results.json always is): terminal (stdout), json (report.json), markdown (report.md), html (report.html), junit (junit.xml).'),
  })
  .describe('What a run writes.');

function buildScenarioSchema(faultsSchema: FaultsSchema) {
  return z
    .strictObject({
      name: z
        .string()
        .regex(NAME_PATTERN, { error: (iss) => `expected a name of letters, digits, '.', '_' and '-' (it names report folders), got ${JSON.stringify(iss.input)}` })
        .max(100)
        .describe('Scenario name; used in report folder names.'),
      description: z.string().optional().describe('What the scenario shows, in a sentence or two.'),
      seed: z.int().min(0).default(1).describe('Every random choice of the run derives from this.'),
      duration: duration({ positive: true }).describe('How long each cell runs, in scenario time: 10m, 2h, 1d.'),
      instances: z
        .int()
        .min(1)
        .max(MAX_INSTANCES, { error: (iss) => `expected at most ${MAX_INSTANCES} instances per cell (each is a worker thread with its own heap), got ${String(iss.input)}` })
        .default(1)
        .describe(`Independent copies of the system per cell, each a worker thread (at most ${MAX_INSTANCES}).`),
      drain: duration().prefault('30s').describe('After `duration`, how long to wait for buffered records to be delivered.'),
      clock: z
        .strictObject({
          speed: z
            .number()
            .positive()
            .max(MAX_CLOCK_SPEED, { error: (iss) => `expected a speed of at most ${MAX_CLOCK_SPEED}, got ${String(iss.input)}` })
            .default(1)
            .describe('Scenario seconds per wall second: 60 runs an hour of scenario in a minute. 1 = real time.'),
        })
        .prefault({})
        .describe('The scenario clock.'),
      system: systemSchema,
      sink: sinkSchema.prefault({ kind: 'cloudwatch' }),
      failures: failuresSchema.prefault({}),
      faults: faultsSchema.default(() => []),
      matrix: z
        .record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown())))
        .default(() => ({}))
        .describe('Dimension -> value -> overrides deep-merged into the scenario, e.g. keepalive: { on: {...}, off: {...} }. Cells are the cross product.'),
      thresholds: z
        .array(
          z.string().superRefine((text, ctx) => {
            const parsed = parseThreshold(text);
            if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message, input: text, params: { column: parsed.column } });
          }),
        )
        .default(() => [])
        .describe('Expressions that decide the exit code, e.g. `lost == 0`, `p99 < 2s`, `htf_lower{variant=patch} > 100h`.'),
      report: reportSchema.prefault({}),
    })
    .superRefine((s, ctx) => {
      const cells = matrixCellCount(s.matrix);
      if (cells > MAX_CELLS) {
        ctx.addIssue({ code: 'custom', path: ['matrix'], message: `expected at most ${MAX_CELLS} cells (the product of the dimensions' values), got ${cells}`, input: s.matrix });
      }
      // Refinements run on data with problems too: a fault list that failed is still as written.
      if (!Array.isArray(s.faults) || typeof s.instances !== 'number') return;
      checkFaultLinks(s.system, s.faults, ctx);
      s.faults.forEach((f, i) => {
        const target = (f as Partial<typeof f> | null)?.target;
        if (target?.kind === 'count' && target.count > s.instances) {
          ctx.addIssue({
            code: 'custom',
            path: ['faults', i, 'instances'],
            message: `expected at most ${s.instances} (the scenario runs ${s.instances} instance${s.instances === 1 ? '' : 's'}), got ${target.count}`,
            input: target.count,
          });
        }
      });
    })
    // Zod leaves an absent optional key out; the Scenario always has `description`, undefined or not.
    .transform((scenario) => ({ ...scenario, description: scenario.description }))
    .describe(
      'A duress scenario. Durations: 500ms, 10s, 2m, 2h, 1d, 1h30m (a plain number is refused except 0). Rates: 2000/s, 120/m, 10/h (a plain number is per second). Sizes: 200B, 64KB, 64MB, 1GB, KiB/MiB/GiB; K, M and G are 1024-based as in Fluent Bit (64MB = 67108864 bytes); a plain number is bytes.',
    );
}

type ScenarioSchema = ReturnType<typeof buildScenarioSchema>;

let cached: { faults: FaultsSchema; schema: ScenarioSchema } | undefined;

/**
 * The scenario schema, composed with the `faults` of the registered fault kinds: made anew when a kind was
 * registered since it was last made (faultsSchema() then gives a new schema).
 */
export function scenarioSchema(): ScenarioSchema {
  const faults = faultsSchema();
  if (cached === undefined || cached.faults !== faults) cached = { faults, schema: buildScenarioSchema(faults) };
  return cached.schema;
}

/** Cells of a matrix: the product of the number of values of each dimension (1 without a matrix). */
export function matrixCellCount(matrix: unknown): number {
  if (matrix === null || typeof matrix !== 'object') return 1;
  return Object.values(matrix).reduce((n: number, values: unknown) => n * Math.max(1, values !== null && typeof values === 'object' ? Object.keys(values).length : 0), 1);
}

/** What a scenario file may contain (before defaults and units). */
export type ScenarioInput = z.input<ScenarioSchema>;

// The schema's output must be exactly a Scenario, checked both ways at compile time; when it is not,
// tsc's message on these two lines names the field where schema.ts and types.ts disagree.
type ScenarioOutput = z.output<ScenarioSchema>;
const _outputIsScenario = (s: ScenarioOutput): Scenario => s;
const _scenarioIsOutput = (s: Scenario): ScenarioOutput => s;
