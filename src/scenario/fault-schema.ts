import { isIP } from 'node:net';
import { z } from 'zod';
import type { DurationRange, FaultRepeat, FaultSpec, FaultTarget } from '../faults/fault-spec.js';
import { duration, durationRange, flag, repeat, size } from './fields.js';
import { describeInput, formatDuration } from '../core/units.js';

/**
 * The `faults` list of a scenario file: one entry per fault, chosen by `kind`, each with its timing
 * (`at`, `for`, `every`, `share` or `instances`, `name`) and the kind's parameters. Entries resolve to
 * FaultSpec (src/faults/fault-spec.ts): units to numbers, `share`/`instances` to a target, and a default
 * name `<kind>#<n>` where none is given.
 */

const FAULT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function timingShape() {
  return {
    name: z
      .string({ error: (iss) => `expected a name for the fault, got ${describeInput(iss.input)}` })
      .regex(FAULT_NAME_PATTERN, {
        error: (iss) => `expected a fault name of letters, digits, '.', '_' and '-', got ${describeInput(iss.input)}`,
      })
      .max(60)
      .optional()
      .describe('A name for journals and reports. Default: <kind>#<n>, n counting faults of the same kind from 1 (latency#1).'),
    at: duration().prefault(0).describe('First start, from the start of the cell.'),
    every: repeat()
      .optional()
      .describe('Repeat: 10m starts again every 10 minutes from `at`; ~20m waits a random time (exponential, mean 20m, seeded) after each occurrence ends. Absent: once.'),
    share: z
      .number({ error: (iss) => shareMessage(iss.input) })
      .gt(0, { error: (iss) => shareMessage(iss.input) })
      .lte(1, { error: (iss) => shareMessage(iss.input) })
      .optional()
      .describe('Fraction of the instances each occurrence hits (rounded, at least one), chosen anew each time from the seed. Default: 1 (all) for network, DNS and sink faults; one instance per occurrence for the instance faults kill and pause, so failures stay independent unless the scenario asks otherwise.'),
    instances: z
      .int({ error: (iss) => `expected a whole number of instances, 1 or more, got ${describeInput(iss.input)}` })
      .min(1, { error: (iss) => `expected a whole number of instances, 1 or more, got ${describeInput(iss.input)}` })
      .optional()
      .describe('Exactly this many instances per occurrence, chosen anew each time from the seed (instead of share). Default for kill and pause: 1; more than one makes their failures correlated by design, which results and reports say.'),
  };
}

function shareMessage(input: unknown): string {
  return `expected a share of the instances above 0 and at most 1 (0.5 is half of them), got ${describeInput(input)}`;
}

/** `for` of the faults that last until the end of the cell unless told otherwise. */
function optionalFor() {
  return durationRange().optional().describe('How long each occurrence lasts: 30s, or 10s..30s (uniform, seeded). Absent: until the end of the cell.');
}

/** Link names: `sink`, `subscriber-0`, `peer-2`; which exist depends on the system (checked against it in schema.ts). */
const LINK_PATTERN = /^(?:sink|subscriber-\d+|peer-\d+)$/;

function linkField() {
  return z
    .string({ error: (iss) => linkMessage(iss.input) })
    .regex(LINK_PATTERN, { error: (iss) => linkMessage(iss.input) })
    .optional()
    .describe("Which link of the instance: `sink` (the forwarder's link to its sink, the default) or a broker client's, `subscriber-0`, `peer-0`.");
}

function linkMessage(input: unknown): string {
  return `expected a link such as sink, subscriber-0 or peer-0, got ${describeInput(input)}`;
}

function toxicShape() {
  return {
    stream: z
      .enum(['upstream', 'downstream'])
      .default('downstream')
      .describe('Direction: downstream (towards the system, the default: sink to forwarder, broker to subscriber) or upstream (away from it).'),
    toxicity: z.number().min(0).max(1).default(1).describe('Probability that a connection is affected, rolled per connection direction as Toxiproxy does.'),
    link: linkField(),
  };
}

function dnsShape() {
  return { toxicity: z.number().min(0).max(1).default(1).describe('Share of DNS queries hit, rolled per query.') };
}

function ipAddress() {
  return z
    .string({ error: (iss) => `expected an IP address such as 127.0.0.2 or ::1, got ${describeInput(iss.input)}` })
    .refine((a) => isIP(a) !== 0, { error: (iss) => `expected an IP address such as 127.0.0.2 or ::1, got ${describeInput(iss.input)}` });
}

/** One fault kind: its literal `kind`, the timing keys, a `for` and its parameters. */
function fault<K extends string, F extends z.ZodType, P extends z.core.$ZodLooseShape>(kind: K, description: string, forField: F, params: P) {
  return z.strictObject({ kind: z.literal(kind), ...timingShape(), for: forField, ...params }).describe(description);
}

const faultEntrySchema = z
  .discriminatedUnion('kind', [
    fault('latency', 'Toxiproxy latency: each chunk held for latency ± jitter.', optionalFor(), {
      latency: duration().describe('Delay added to each chunk of data.'),
      jitter: duration().prefault(0).describe('Uniform ± variation of the delay.'),
      ...toxicShape(),
    }),
    fault('bandwidth', 'Toxiproxy bandwidth: throughput limited to `rate` KB/s.', optionalFor(), {
      rate: z.int().min(0).describe('KB per second, 1 KB = 1000 bytes as Toxiproxy counts; 0 stalls the stream.'),
      ...toxicShape(),
    }),
    fault('slow_close', 'Toxiproxy slow_close: the close is held back after the stream ends.', optionalFor(), {
      delay: duration().describe('How long the close is held back.'),
      ...toxicShape(),
    }),
    fault('timeout', 'Toxiproxy timeout: data is swallowed, the connection closed after `timeout` without data, or when the far end closes.', optionalFor(), {
      timeout: duration().prefault(0).describe('Close after this long without data; 0: only when the far end closes, or when the fault ends.'),
      ...toxicShape(),
    }),
    fault(
      'silent',
      "duress's own (not in Toxiproxy, refused with --toxiproxy): data and the far end's close are swallowed, so the connection stays open and silent after the server is gone.",
      optionalFor(),
      {
        timeout: duration().prefault(0).describe('Close after this long without data while the far end is open; 0: never (the connection closes when the fault ends).'),
        ...toxicShape(),
      },
    ),
    fault('reset_peer', 'Toxiproxy reset_peer: on the first data, after `timeout`, the connection is reset (TCP RST).', optionalFor(), {
      timeout: duration().prefault(0).describe('Wait before the reset.'),
      ...toxicShape(),
    }),
    fault('slicer', 'Toxiproxy slicer: data split into small slices, sent `delay` apart.', optionalFor(), {
      averageSize: size({ positive: true }).describe('Average slice size.'),
      sizeVariation: size().prefault(0).describe('Uniform ± variation of the slice size.'),
      delay: duration().prefault(0).describe('Pause between slices (Toxiproxy counts it in microseconds: 0.5ms works).'),
      ...toxicShape(),
    }),
    fault('limit_data', 'Toxiproxy limit_data: the connection is closed after `bytes` bytes.', optionalFor(), {
      bytes: size({ positive: true }).describe('Bytes that pass per connection direction before it is closed.'),
      ...toxicShape(),
    }),
    fault('down', "The proxy route of the instance's link is disabled: connections are refused and open ones closed.", optionalFor(), { link: linkField() }),
    fault('dns-stall', 'DNS queries are never answered.', optionalFor(), dnsShape()),
    fault('dns-delay', 'DNS answers are held back.', optionalFor(), {
      delay: duration({ positive: true }).describe('How long each answer is held back.'),
      jitter: duration().prefault(0).describe('Uniform ± variation of the delay.'),
      ...dnsShape(),
    }),
    fault('dns-nxdomain', 'DNS answers NXDOMAIN: the name does not exist.', optionalFor(), dnsShape()),
    fault('dns-servfail', 'DNS answers SERVFAIL.', optionalFor(), dnsShape()),
    fault('dns-wrong-address', 'DNS answers with other addresses.', optionalFor(), {
      address: z
        .union([ipAddress(), z.array(ipAddress()).min(1)], {
          error: (iss) => `expected an IP address such as 127.0.0.2, or a list of them, got ${describeInput(iss.input)}`,
        })
        .transform((a): string[] => (typeof a === 'string' ? [a] : a))
        .describe('The address (or list of addresses) the name resolves to instead.'),
      ...dnsShape(),
    }),
    fault('sink-throttle', 'The sink answers every PutLogEvents with ThrottlingException.', optionalFor(), {}),
    fault('sink-error', 'The sink answers requests with a 500 or 503 ServiceUnavailableException.', optionalFor(), {
      status: z.literal([500, 503]).default(500).describe('HTTP status: 500 (as CloudWatch Logs sends ServiceUnavailableException) or 503.'),
    }),
    fault('sink-slow', 'The sink adds service time to every answer.', optionalFor(), {
      latency: duration({ positive: true }).describe('Service time added to each answer.'),
    }),
    fault('sink-drop-connection', 'The sink destroys the connection mid-response.', optionalFor(), {
      afterStore: flag().prefault(false).describe('Process the request first (a batch is stored), so the client cannot know it arrived.'),
    }),
    fault('sink-close-idle', 'The sink closes idle keep-alive connections after `after` (the whole sink, every instance).', optionalFor(), {
      after: duration().describe('Idle time before the close; 0 closes as soon as a response ends.'),
    }),
    fault('sink-discard', 'The sink accepts batches but neither stores nor emits them: silent loss.', optionalFor(), {}),
    fault('sink-duplicate', 'The sink stores batches, then answers 500 so the client sends them again.', optionalFor(), {}),
    fault(
      'kill',
      'The instance is killed (instantaneous); the cell replaces it as after any crash.',
      z
        .never({ error: 'kill is instantaneous, so it takes no `for`; remove it (pause freezes an instance for a while)' })
        .optional()
        .describe('Not allowed: kill is instantaneous.'),
      {},
    ),
    fault(
      'pause',
      'The instance is frozen for `for`.',
      durationRange({ missing: 'pause needs `for`: how long the instance stays frozen, such as 30s or 10s..1m' }).describe(
        'How long the instance stays frozen: 30s, or 10s..30s (uniform, seeded).',
      ),
      {},
    ),
  ])
  .superRefine(checkTiming)
  .describe('A fault, chosen by `kind`, with when it happens (at, for, every) and where (share or instances).');

type FaultEntry = z.output<typeof faultEntrySchema>;

interface RawTiming {
  kind: string;
  name?: string | undefined;
  for?: DurationRange | undefined;
  every?: FaultRepeat | undefined;
  share?: number | undefined;
  instances?: number | undefined;
}

function checkTiming(f: RawTiming, ctx: z.RefinementCtx): void {
  // Refinements run on data with problems too: a field that failed is still as written.
  const every = typeof f.every === 'object' ? f.every : undefined;
  const span = typeof f.for === 'object' ? f.for : undefined;
  if (f.share !== undefined && f.instances !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['instances'],
      message: 'give share or instances, not both: share picks a fraction of the instances, instances an exact number',
      input: f.instances,
    });
  }
  if (every === undefined || f.kind === 'kill') return;
  if (f.for === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['every'],
      message: `a repeated ${f.kind} needs \`for\` (how long each occurrence lasts); without it the first would last to the end of the cell`,
      input: every,
    });
  } else if (span !== undefined && every.kind === 'periodic' && span.max > every.interval) {
    ctx.addIssue({
      code: 'custom',
      path: ['for'],
      message: `expected occurrences no longer than \`every\` (${formatDuration(every.interval)}), got up to ${formatDuration(span.max)}: they would overlap`,
      input: span,
    });
  }
}

type Resolved<R> = R extends unknown ? Omit<R, 'share' | 'instances' | 'name'> & { name: string; target: FaultTarget } : never;

/**
 * Instance faults end or freeze the instances they hit: hitting every instance at once by default would
 * make failures cluster (and the hours-to-failure bounds assume independent failures), so by default each
 * of their occurrences hits one instance.
 */
const INSTANCE_FAULTS: ReadonlySet<string> = new Set(['kill', 'pause']);

function resolve<R extends RawTiming>(raw: R, name: string): Resolved<R> {
  const { share, instances, name: _given, ...rest } = raw;
  const target: FaultTarget =
    instances !== undefined
      ? { kind: 'count', count: instances }
      : share !== undefined
        ? { kind: 'share', share }
        : INSTANCE_FAULTS.has(raw.kind)
          ? { kind: 'count', count: 1 }
          : { kind: 'share', share: 1 };
  return { ...rest, name, target } as unknown as Resolved<R>;
}

/** Default names: `<kind>#<n>`, n counting entries of the same kind from 1. */
function resolveAll(entries: FaultEntry[]): FaultSpec[] {
  const counts = new Map<string, number>();
  return entries.map((entry) => {
    const n = (counts.get(entry.kind) ?? 0) + 1;
    counts.set(entry.kind, n);
    return resolve(entry, entry.name ?? `${entry.kind}#${n}`);
  });
}

export const faultsSchema = z
  .array(faultEntrySchema)
  .superRefine((entries, ctx) => {
    const seen = new Map<string, number>();
    entries.forEach((entry, i) => {
      // Refinements run on data with problems too: an entry that failed is still as written.
      const name: unknown = (entry as Partial<FaultEntry> | null)?.name;
      if (typeof name !== 'string') return;
      const first = seen.get(name);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `the name ${JSON.stringify(name)} is already used by faults[${first}]`, input: name });
      } else {
        seen.set(name, i);
      }
    });
  })
  .transform(resolveAll)
  .describe('Faults to inject, and when. Each entry has a `kind` and its parameters, `at`, optionally `for`, `every`, and `share` or `instances`.');

// Both ways at compile time: the schema's resolved entries are exactly the FaultSpec union.
const _entryIsSpec = (e: Resolved<FaultEntry>): FaultSpec => e;
const _specIsEntry = (s: FaultSpec): Resolved<FaultEntry> => s;
