import { z } from 'zod';
import { faultKind, faultKinds, faultKindsVersion } from '../faults/fault-kinds.js';
import { describeInput, formatDuration } from '../core/units.js';
import './fault-kinds.js';
import { duration, durationRange, repeat } from '../core/fields.js';
/**
 * The `faults` list of a scenario file: one entry per fault, chosen by `kind`, each with its timing
 * (`at`, `for`, `every`, `share` or `instances`, `name`) and the kind's parameters. Entries resolve to
 * FaultSpec (src/faults/fault-spec.ts): units to numbers, `share`/`instances` to a target, and a default
 * name `<kind>#<n>` where none is given. The kinds and their parameters are the registered FaultKinds
 * (src/faults/fault-kind.ts); ./fault-kinds.js registers the built-in ones.
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
function shareMessage(input) {
    return `expected a share of the instances above 0 and at most 1 (0.5 is half of them), got ${describeInput(input)}`;
}
/** `for` of the faults that last until the end of the cell unless told otherwise. */
function optionalFor() {
    return durationRange().optional().describe('How long each occurrence lasts: 30s, or 10s..30s (uniform, seeded). Absent: until the end of the cell.');
}
/** One fault kind's entry: its literal `kind`, the timing keys, a `for` and its parameters. */
function entrySchema(kind) {
    return z.strictObject({ kind: z.literal(kind.name), ...timingShape(), for: kind.forField ?? optionalFor(), ...kind.params }).describe(kind.description);
}
/** The entry of a `faults` list: one of the registered kinds, by `kind`, in the order faultKinds() gives (by family, then registration). */
function faultEntrySchema() {
    const entries = faultKinds().map(entrySchema);
    const [first, ...rest] = entries;
    if (!first)
        throw new Error('no fault kinds are registered');
    return z
        .discriminatedUnion('kind', [first, ...rest])
        .superRefine(checkTiming)
        .describe('A fault, chosen by `kind`, with when it happens (at, for, every) and where (share or instances).');
}
function checkTiming(f, ctx) {
    // Refinements run on data with problems too: a field that failed is still as written.
    const every = typeof f.every === 'object' ? f.every : undefined;
    const span = typeof f.for === 'object' && f.for !== null ? f.for : undefined;
    if (f.share !== undefined && f.instances !== undefined) {
        ctx.addIssue({
            code: 'custom',
            path: ['instances'],
            message: 'give share or instances, not both: share picks a fraction of the instances, instances an exact number',
            input: f.instances,
        });
    }
    if (every === undefined || faultKind(f.kind)?.instantaneous === true)
        return;
    if (f.for === undefined) {
        ctx.addIssue({
            code: 'custom',
            path: ['every'],
            message: `a repeated ${f.kind} needs \`for\` (how long each occurrence lasts); without it the first would last to the end of the cell`,
            input: every,
        });
    }
    else if (span !== undefined && every.kind === 'periodic' && span.max > every.interval) {
        ctx.addIssue({
            code: 'custom',
            path: ['for'],
            message: `expected occurrences no longer than \`every\` (${formatDuration(every.interval)}), got up to ${formatDuration(span.max)}: they would overlap`,
            input: span,
        });
    }
}
function resolve(raw, name) {
    const { share, instances, name: _given, ...rest } = raw;
    const target = instances !== undefined
        ? { kind: 'count', count: instances }
        : share !== undefined
            ? { kind: 'share', share }
            : faultKind(raw.kind)?.defaultTarget === 'one'
                ? { kind: 'count', count: 1 }
                : { kind: 'share', share: 1 };
    return { ...rest, name, target };
}
/** Default names: `<kind>#<n>`, n counting entries of the same kind from 1. */
function resolveAll(entries) {
    const counts = new Map();
    return entries.map((entry) => {
        const n = (counts.get(entry.kind) ?? 0) + 1;
        counts.set(entry.kind, n);
        return resolve(entry, entry.name ?? `${entry.kind}#${n}`);
    });
}
function checkNames(entries, ctx) {
    const seen = new Map();
    entries.forEach((entry, i) => {
        // Refinements run on data with problems too: an entry that failed is still as written.
        const name = entry?.name;
        if (typeof name !== 'string')
            return;
        const first = seen.get(name);
        if (first !== undefined) {
            ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `the name ${JSON.stringify(name)} is already used by faults[${first}]`, input: name });
        }
        else {
            seen.set(name, i);
        }
    });
}
function buildFaultsSchema() {
    return z
        .array(faultEntrySchema())
        .superRefine(checkNames)
        .transform((entries) => resolveAll(entries))
        .describe('Faults to inject, and when. Each entry has a `kind` and its parameters, `at`, optionally `for`, `every`, and `share` or `instances`.');
}
let cached;
/**
 * The schema of `faults`, composed from the registered fault kinds (src/faults/fault-kinds.ts); made anew
 * when a kind was registered since, so a kind a user's module registers is known to the next load.
 */
export function faultsSchema() {
    const version = faultKindsVersion();
    if (cached === undefined || cached.version !== version)
        cached = { version, schema: buildFaultsSchema() };
    return cached.schema;
}
//# sourceMappingURL=fault-schema.js.map