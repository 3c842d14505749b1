import { z } from 'zod';
import { rendererKinds, renderersVersion } from '../report/renderers/index.js';
import { parseThreshold } from '../stats/thresholds-parser.js';
import { sinkKinds } from '../sinks/registry.js';
// The built-in kinds register themselves on import; the scenario is composed from whatever is registered.
import '../sinks/builtin.js';
import '../systems/builtin.js';
import { systemKinds } from '../systems/registry.js';
import { faultsSchema, type FaultsSchema } from './fault-schema.js';
import { duration, size } from '../core/fields.js';
import { MAX_CELLS, MAX_CLOCK_SPEED, MAX_INSTANCES, MAX_INSTANCES_PER_WORKER } from '../core/limits.js';
import { checkFaultLinks } from './links.js';
import type { Scenario } from './types.js';

/**
 * The scenario file's schema: YAML in, `Scenario` out. Objects are strict (a misspelt key is an error,
 * not a silent default), unit strings become numbers (ms, per second, bytes), and every default is
 * applied here so the engine never guesses. Defaults follow Fluent Bit where it has one (domain.md §1).
 *
 * Defaults of unit fields are given in their YAML form (`prefault`) so the JSON Schema shows `"1s"`,
 * not `1000`.
 */

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Kinds of system under test: one option per registered SystemKind (src/systems/registry.ts; the
 * built-in ones are registered by src/systems/builtin.ts).
 */
function systemSchema() {
  return unionOf(systemKinds.list().map((k) => k.schema), 'system').describe('The system under test, chosen by `kind`.');
}

/** Kinds of mock sink: one option per registered SinkKind (src/sinks/registry.ts). */
function sinkSchema() {
  return unionOf(sinkKinds.list().map((k) => k.schema), 'sink').describe(
    'The mock service the system writes to, chosen by `kind`. Ignored by a system kind that names no sink.',
  );
}

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

const isolationSchema = z
  .strictObject({
    instancesPerWorker: z
      .int()
      .min(1)
      .max(MAX_INSTANCES_PER_WORKER)
      .optional()
      .describe(
        'Instances that share one worker thread (default: the system kind\'s; 1 for a kind that cannot share). A kill or a pause still acts on one instance; ' +
          'what sharing loses (one heap, one event loop: a busy instance delays its siblings, measured as harness lag) is in ARCHITECTURE.md.',
      ),
  })
  .describe('How instances are spread over worker threads.');

/** `report:`, with the formats registered when the schema is made (src/report/renderers/). */
function reportSchema() {
  const kinds = rendererKinds();
  const names = kinds.map((k) => k.name) as [string, ...string[]];
  return z
    .strictObject({
      interval: duration({ positive: true }).prefault('10s').describe('Metrics interval for the journal and the over-time charts.'),
      formats: z
        .array(z.enum(names))
        .default(() => [...names])
        .describe(`Reports written after a run (results.json always is): ${kinds.map((k) => `${k.name} (${k.file ?? 'stdout'})`).join(', ')}.`),
    })
    .describe('What a run writes.');
}

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
      system: systemSchema(),
      // The first sink registered is the default (the built-in CloudWatch Logs sink).
      sink: sinkSchema().prefault({ kind: sinkKinds.list()[0]?.name ?? 'none' }),
      failures: failuresSchema.prefault({}),
      isolation: isolationSchema.optional(),
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
      report: reportSchema().prefault({}),
    })
    .superRefine((s, ctx) => {
      const cells = matrixCellCount(s.matrix);
      if (cells > MAX_CELLS) {
        ctx.addIssue({ code: 'custom', path: ['matrix'], message: `expected at most ${MAX_CELLS} cells (the product of the dimensions' values), got ${cells}`, input: s.matrix });
      }
      // Refinements run on data with problems too: a fault list that failed is still as written.
      if (!Array.isArray(s.faults) || typeof s.instances !== 'number') return;
      checkFaultLinks(s.system, s.sink, s.faults, ctx);
      const shared = s.isolation?.instancesPerWorker;
      const kind = systemKinds.find(String((s.system as { kind?: unknown } | undefined)?.kind));
      if (shared !== undefined && shared > 1 && kind && !(kind.isolation.instancesPerWorker !== undefined && kind.isolation.instancesPerWorker > 1)) {
        ctx.addIssue({ code: 'custom', path: ['isolation', 'instancesPerWorker'], message: `expected 1: ${kind.noun} runs in a worker of its own (its worker cannot host several instances), got ${shared}`, input: shared });
      }
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

/** Cells of a matrix: the product of the number of values of each dimension (1 without a matrix). */
export function matrixCellCount(matrix: unknown): number {
  if (matrix === null || typeof matrix !== 'object') return 1;
  return Object.values(matrix).reduce((n: number, values: unknown) => n * Math.max(1, values !== null && typeof values === 'object' ? Object.keys(values).length : 0), 1);
}

type ScenarioSchema = ReturnType<typeof buildScenarioSchema>;
let built: { schema: ScenarioSchema; faults: FaultsSchema; renderers: number; systems: number; sinks: number } | undefined;

/**
 * The scenario file's schema, composed from the system, sink and fault kinds and the report formats
 * registered now: made anew when one was registered since it was last made (a user's own kind, registered before its scenario
 * is loaded; faultsSchema() gives a new schema when a fault kind was registered).
 */
export function scenarioSchema(): ScenarioSchema {
  const faults = faultsSchema();
  const renderers = renderersVersion();
  if (!built || built.faults !== faults || built.renderers !== renderers || built.systems !== systemKinds.version || built.sinks !== sinkKinds.version) {
    built = { schema: buildScenarioSchema(faults), faults, renderers, systems: systemKinds.version, sinks: sinkKinds.version };
  }
  return built.schema;
}

/** One option per kind: a discriminated union on `kind`, whose output is the kind's config. */
function unionOf(options: z.ZodType[], what: string): z.ZodType<{ kind: string; [field: string]: unknown }, unknown> {
  const [first, ...rest] = options as [z.ZodObject, ...z.ZodObject[]];
  if (!first) throw new Error(`no ${what} kind is registered`);
  return z.discriminatedUnion('kind', [first, ...rest]) as unknown as z.ZodType<{ kind: string; [field: string]: unknown }, unknown>;
}

/** What a scenario file may contain (before defaults and units). */
export type ScenarioInput = z.input<ScenarioSchema>;

// The schema's output must be exactly a Scenario, checked both ways at compile time; when it is not,
// tsc's message on these two lines names the field where schema.ts and types.ts disagree.
type ScenarioOutput = z.output<ScenarioSchema>;
const _outputIsScenario = (s: ScenarioOutput): Scenario => s;
const _scenarioIsOutput = (s: Scenario): ScenarioOutput => s;
