import { faultKind } from '../faults/fault-kinds.js';
import { systemKinds } from '../systems/registry.js';
import { describeInput } from '../core/units.js';
/**
 * Checks each fault against the system it acts on, as its kind's LinkPlan says: a link that exists (a
 * kind with no default link needs every network fault to name one), no DNS fault where nothing resolves
 * names, no sink fault where there is no sink, nor another sink's own fault; and a sink of the kind the
 * system writes to. Runs inside the scenario's superRefine, on data that may have other problems: a system
 * that did not validate is not checked.
 */
export function checkFaultLinks(system, sink, faults, ctx) {
    const s = system;
    const kind = typeof s?.kind === 'string' ? systemKinds.find(s.kind) : undefined;
    if (!kind)
        return;
    let plan;
    let sinkName;
    try {
        plan = kind.links(s);
        sinkName = kind.sink(s);
    }
    catch {
        return;
    }
    const sinkKind = sink?.kind;
    if (sinkName !== undefined && typeof sinkKind === 'string' && sinkKind !== sinkName) {
        ctx.addIssue({ code: 'custom', path: ['sink', 'kind'], message: `expected ${sinkName} (${kind.noun} writes to a ${sinkName} sink), got ${describeInput(sinkKind)}`, input: sinkKind });
    }
    faults.forEach((raw, i) => checkFault((raw ?? {}), i, kind, plan, sinkName, ctx));
}
function checkFault(f, i, kind, plan, sinkName, ctx) {
    if (typeof f.kind !== 'string')
        return;
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
    if (acts !== 'link')
        return;
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
//# sourceMappingURL=links.js.map