import { isIP } from 'node:net';
import { InputError } from '../core/errors.js';
/** Lower case, no trailing dot: the form names are matched in. */
export function normalizeDnsName(name) {
    return name.replace(/\.+$/, '').toLowerCase();
}
/** Throws InputError when a fault is malformed; returns a copy safe to keep. */
export function validateDnsFault(fault) {
    const toxicity = fault.toxicity;
    if (toxicity !== undefined && !(toxicity >= 0 && toxicity <= 1)) {
        throw new InputError(`DNS fault ${fault.kind}: toxicity must be between 0 and 1, got ${toxicity}`);
    }
    switch (fault.kind) {
        case 'stall':
        case 'nxdomain':
        case 'servfail':
            return { ...fault };
        case 'delay':
            if (!(fault.ms >= 0) || !Number.isFinite(fault.ms))
                throw new InputError(`DNS fault delay: ms must be a finite number >= 0, got ${fault.ms}`);
            if (fault.jitter !== undefined && (!(fault.jitter >= 0) || !Number.isFinite(fault.jitter))) {
                throw new InputError(`DNS fault delay: jitter must be a finite number >= 0, got ${fault.jitter}`);
            }
            return { ...fault };
        case 'wrong-address': {
            if (!Array.isArray(fault.addresses) || fault.addresses.length === 0) {
                throw new InputError('DNS fault wrong-address: addresses must list at least one IP address');
            }
            const bad = fault.addresses.filter((a) => isIP(a) === 0);
            if (bad.length > 0)
                throw new InputError(`DNS fault wrong-address: not IP addresses: ${bad.join(', ')}`);
            return { ...fault, addresses: [...fault.addresses] };
        }
        default: {
            const unknown = fault;
            throw new InputError(`unknown DNS fault kind ${String(unknown.kind)}`, {
                hint: 'one of stall, delay, nxdomain, servfail, wrong-address',
            });
        }
    }
}
/** A short human form for journals and logs, e.g. `delay 500ms on sink.duress.test`. */
export function describeDnsFault(fault, name = null) {
    let what;
    switch (fault.kind) {
        case 'delay':
            what = `delay ${fault.ms}ms${fault.jitter ? ` ±${fault.jitter}ms` : ''}`;
            break;
        case 'wrong-address':
            what = `wrong-address ${fault.addresses.join(',')}`;
            break;
        default:
            what = fault.kind;
    }
    if (fault.toxicity !== undefined && fault.toxicity < 1)
        what += ` (toxicity ${fault.toxicity})`;
    return `${what} on ${name ?? 'all names'}`;
}
/**
 * The active faults of a DNS server and how they combine for a query. Every matching fault is rolled
 * for its toxicity; of those that hit: any stall drops the query, delays add up, and the answer comes
 * from the most recently added answer-changing fault, faults on the name before faults on all names.
 */
export class DnsFaultTable {
    #next = 1;
    #entries = [];
    /** Adds a fault for `name` (all names when omitted or null); returns its id. */
    add(fault, name = null) {
        const id = this.#next++;
        this.#entries.push({ id, name: name === null ? null : normalizeDnsName(name), fault: validateDnsFault(fault) });
        return id;
    }
    /** Removes a fault; false when there was none with this id. */
    remove(id) {
        const i = this.#entries.findIndex((e) => e.id === id);
        if (i < 0)
            return false;
        this.#entries.splice(i, 1);
        return true;
    }
    /** Replaces every fault of exactly this scope (a name, or all names) with `fault`; returns its id, or null when cleared. */
    set(fault, name = null) {
        const scope = name === null ? null : normalizeDnsName(name);
        const checked = fault === null ? null : validateDnsFault(fault);
        for (let i = this.#entries.length - 1; i >= 0; i--) {
            if (this.#entries[i]?.name === scope)
                this.#entries.splice(i, 1);
        }
        return checked === null ? null : this.add(checked, scope);
    }
    clear() {
        this.#entries.length = 0;
    }
    list() {
        return this.#entries.map((e) => ({ ...e }));
    }
    decide(name, random) {
        const key = normalizeDnsName(name);
        const decision = { stall: false, delayMs: 0, answer: { kind: 'normal' }, faultIds: [] };
        let answerFrom;
        for (const entry of this.#entries) {
            if (entry.name !== null && entry.name !== key)
                continue;
            const { fault } = entry;
            const toxicity = fault.toxicity ?? 1;
            if (toxicity < 1 && !(random.next() < toxicity))
                continue;
            decision.faultIds.push(entry.id);
            switch (fault.kind) {
                case 'stall':
                    decision.stall = true;
                    break;
                case 'delay': {
                    const jitter = fault.jitter ?? 0;
                    decision.delayMs += Math.max(0, jitter > 0 ? fault.ms + random.uniform(-jitter, jitter) : fault.ms);
                    break;
                }
                default:
                    // Later entries were added later; a name-scoped one is never displaced by an all-names one.
                    if (answerFrom === undefined || entry.name !== null || answerFrom.name === null)
                        answerFrom = entry;
            }
        }
        if (answerFrom !== undefined) {
            const f = answerFrom.fault;
            if (f.kind === 'wrong-address')
                decision.answer = { kind: 'wrong-address', addresses: f.addresses };
            else if (f.kind === 'nxdomain' || f.kind === 'servfail')
                decision.answer = { kind: f.kind };
        }
        return decision;
    }
}
//# sourceMappingURL=dns-faults.js.map