import type { z } from 'zod';
import { faultKind } from '../faults/fault-kinds.js';
import { sinkKinds } from '../sinks/registry.js';
import { systemKinds } from '../systems/registry.js';
import type { LinkPlan, SystemKind } from '../systems/system-kind.js';
import { describeInput } from '../core/units.js';

interface RawFault {
  kind?: unknown;
  link?: unknown;
}

/**
 * Checks each fault against the system it acts on, as its kind's LinkPlan says: a link that exists (a
 * kind with no default link needs every network fault to name one), no DNS fault where nothing resolves
 * names, no sink fault where there is no sink, nor another sink's own fault; and a sink of the kind the
 * system writes to. Runs inside the scenario's superRefine, on data that may have other problems: a system
 * that did not validate is not checked.
 */
export function checkFaultLinks(system: unknown, sink: unknown, faults: readonly unknown[], ctx: z.RefinementCtx): void {
  const s = system as { kind?: unknown } | null;
  const kind = typeof s?.kind === 'string' ? systemKinds.find(s.kind) : undefined;
  if (!kind) return;
  let plan: LinkPlan;
  let sinkName: string | undefined;
  try {
    plan = kind.links(s as { kind: string });
    sinkName = kind.sink(s as { kind: string });
  } catch {
    return;
  }
  const sinkKind = (sink as { kind?: unknown } | null)?.kind;
  if (sinkName !== undefined && typeof sinkKind === 'string' && sinkKind !== sinkName) {
    ctx.addIssue({ code: 'custom', path: ['sink', 'kind'], message: `expected ${sinkName} (${kind.noun} writes to a ${sinkName} sink), got ${describeInput(sinkKind)}`, input: sinkKind });
  }
  faults.forEach((raw, i) => checkFault((raw ?? {}) as RawFault, i, kind, plan, sinkName, ctx));
}

function checkFault(f: RawFault, i: number, kind: SystemKind, plan: LinkPlan, sinkName: string | undefined, ctx: z.RefinementCtx): void {
  if (typeof f.kind !== 'string') return;
  const descriptor = faultKind(f.kind);
  const acts = descriptor?.acts;
  const useLinks = `use a toxic or down on one of its links: ${plan.names.join(', ')}`;
  if (acts === 'dns' && !plan.dns) {
    const why = plan.noDns ?? `${kind.noun} makes none`;
    ctx.addIssue({ code: 'custom', path: ['faults', i, 'kind'], message: `${f.kind} acts on an instance's DNS lookups of its sink; ${why} (${useLinks})`, input: f.kind });
    return;
  }
  if (acts === 'sink' && sinkName === undefined) {
    ctx.addIssue({ code: 'custom', path: ['faults', i, 'kind'], message: `${f.kind} acts on a sink; ${kind.noun} writes to none (${useLinks})`, input: f.kind });
    return;
  }
  if (acts === 'sink' && descriptor?.sink !== undefined && descriptor.sink !== sinkName) {
    ctx.addIssue({ code: 'custom', path: ['faults', i, 'kind'], message: `${f.kind} is a fault of the ${descriptor.sink} sink; ${kind.noun} writes to a ${sinkName} sink`, input: f.kind });
    return;
  }
  // A shared sink fault (no `sink` of its own): the sink kind must say it applies it.
  const sinkKind = acts === 'sink' && descriptor?.sink === undefined && sinkName !== undefined ? sinkKinds.find(sinkName) : undefined;
  if (sinkKind && !(sinkKind.faults ?? []).includes(f.kind)) {
    const takes = sinkKind.faults?.length ? `it takes ${sinkKind.faults.join(', ')}` : 'it takes none of the shared sink faults';
    ctx.addIssue({ code: 'custom', path: ['faults', i, 'kind'], message: `${f.kind} cannot act on a ${sinkName} sink (${takes})`, input: f.kind });
    return;
  }
  if (acts !== 'link') return;
  if (f.link === undefined) {
    if (plan.defaultLink === undefined) {
      ctx.addIssue({ code: 'custom', path: ['faults', i, 'link'], message: `${kind.noun} fault needs the link it acts on: one of ${plan.names.join(', ')}`, input: undefined });
    }
    return;
  }
  if (typeof f.link === 'string' && !plan.names.includes(f.link)) {
    ctx.addIssue({ code: 'custom', path: ['faults', i, 'link'], message: `expected one of ${plan.names.join(', ')} (${plan.describe}), got ${describeInput(f.link)}`, input: f.link });
  }
}
