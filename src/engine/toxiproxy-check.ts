import { InputError } from '../core/errors.js';
import { DURESS_ONLY_TOXIC_KINDS } from '../faults/fault-spec.js';
import type { Scenario } from '../scenario/types.js';

/**
 * Refuses, before anything starts, a scenario whose faults a real Toxiproxy server cannot apply: the
 * toxics only duress's embedded proxy has (`silent`). Sending one to a real server would fail mid-run with
 * `invalid toxic type`, after the cells had started; mapping it to a Toxiproxy toxic would silently change
 * the fault (Toxiproxy's `timeout` closes the connection when the far end closes; `silent` does not).
 */
export function checkToxicsSupported(s: Scenario, source: string, toxiproxyUrl: string): void {
  const kinds: readonly string[] = DURESS_ONLY_TOXIC_KINDS;
  const i = s.faults.findIndex((f) => kinds.includes(f.kind));
  const f = s.faults[i];
  if (!f) return;
  throw new InputError(
    `${source}: faults[${i}] (${f.name}) is kind ${f.kind}, duress's own fault, which the real Toxiproxy server at ${toxiproxyUrl} (--toxiproxy) does not have`,
    { hint: `leave out --toxiproxy to run it on the embedded proxy, or use kind timeout (Toxiproxy's, which closes the connection when the far end closes)` },
  );
}
