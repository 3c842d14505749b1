import { InputError } from '../core/errors.js';
import { faultKind } from '../faults/fault-kinds.js';
/**
 * Refuses, before anything starts, a scenario whose faults a real Toxiproxy server cannot apply: the
 * toxics only duress's embedded proxy has (their kind's `notInToxiproxy`: `silent`). Sending one to a
 * real server would fail mid-run with `invalid toxic type`, after the cells had started; mapping it to a Toxiproxy toxic would silently change
 * the fault (Toxiproxy's `timeout` closes the connection when the far end closes; `silent` does not).
 */
export function checkToxicsSupported(s, source, toxiproxyUrl) {
    const i = s.faults.findIndex((f) => faultKind(f.kind)?.notInToxiproxy !== undefined);
    const f = s.faults[i];
    const unsupported = f && faultKind(f.kind)?.notInToxiproxy;
    if (!f || !unsupported)
        return;
    throw new InputError(`${source}: faults[${i}] (${f.name}) is kind ${f.kind}, duress's own fault, which the real Toxiproxy server at ${toxiproxyUrl} (--toxiproxy) does not have`, { hint: `leave out --toxiproxy to run it on the embedded proxy, or ${unsupported.instead}` });
}
//# sourceMappingURL=toxiproxy-check.js.map