import { describeFault } from '../faults/fault-describe.js';
import { applyFault } from './fault-applier.js';
/**
 * Plays a cell's fault timeline: starts each occurrence at its time on its instance slots, lifts it at
 * its end, and journals both. A fault that cannot be applied or lifted is journalled as an error and the
 * run goes on. `stop` cancels what has not started and lifts everything still active.
 */
export class FaultSchedule {
    #o;
    #timers = new Set();
    #undo = new Map();
    #stopped = false;
    constructor(options) {
        this.#o = options;
    }
    schedule(timeline) {
        for (const occ of timeline)
            this.#after(occ.start, () => void this.#start(occ));
    }
    async stop() {
        this.#stopped = true;
        for (const t of this.#timers)
            t.clear();
        this.#timers.clear();
        await Promise.allSettled([...this.#undo.values()].map((u) => u()));
        this.#undo.clear();
    }
    async #start(occ) {
        if (this.#stopped)
            return;
        const o = this.#o;
        const description = describeFault(occ.spec);
        for (const i of occ.instances)
            o.mark(i, occ.id, description);
        o.journal({ t: 'fault-start', cell: o.cell, id: occ.id, kind: occ.kind, slots: occ.instances, at: o.at(), description });
        let undo;
        try {
            undo = await applyFault(occ, o.targets);
        }
        catch (err) {
            for (const i of occ.instances)
                o.mark(i, occ.id, undefined);
            o.journal({ t: 'fault-error', cell: o.cell, id: occ.id, at: o.at(), error: `could not apply: ${errorText(err)}` });
            return;
        }
        const lifted = async () => {
            if (!this.#undo.delete(occ.id))
                return;
            for (const i of occ.instances)
                o.mark(i, occ.id, undefined);
            let error;
            try {
                await undo();
            }
            catch (err) {
                error = `could not lift: ${errorText(err)}`;
            }
            o.journal({ t: 'fault-end', cell: o.cell, id: occ.id, at: o.at(), ...(error ? { error } : {}) });
        };
        this.#undo.set(occ.id, lifted);
        if (occ.end > occ.start)
            this.#after(occ.end, () => void lifted());
        else
            await lifted();
    }
    /** Runs `fn` at scenario time `at` since the cell's start. */
    #after(at, fn) {
        const t = this.#o.clock.setTimeout(() => {
            this.#timers.delete(t);
            fn();
        }, Math.max(0, at - this.#o.at()));
        this.#timers.add(t);
    }
}
function errorText(err) {
    return err instanceof Error ? err.message : String(err);
}
//# sourceMappingURL=fault-schedule.js.map