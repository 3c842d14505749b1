import { addCounts, addRecords, combineCounters, mergeCellIntervals } from './merge-intervals.js';
/**
 * The journal of the whole run, from the journals of its shards (checked by checkShards): what `duress
 * merge` writes, and what results and reports are then built from, exactly as for a run on one machine.
 *
 * - Each instance's events (starts, ends, failures) are kept as they are: a slot runs in one shard only, so
 *   exposure and failures add up, and every failure keeps its evidence and the faults active on it.
 * - A fault occurrence is one event however many shards played it, on the union of their slots.
 * - Intervals line up by position (merge-intervals.ts): counts add, histograms merge without loss.
 * - A cell's end adds the shards' final delivery counts and request outcomes; it is there only when every
 *   shard that ran the cell ended it (otherwise, as for a journal cut off, its loss is not judged).
 * - The run ends when every shard's run ended; its wall time is the longest shard's.
 */
export function mergeShardJournals(set) {
    const { shards } = set;
    const first = shards[0];
    const out = [mergedStart(set)];
    for (const info of first.start.cells)
        out.push(...mergeCell(info.index, shards));
    for (const s of shards) {
        for (const e of s.events)
            if (e.t === 'harness')
                out.push({ ...e, detail: `shard ${s.index}/${set.count}: ${e.detail}` });
    }
    const ends = shards.map((s) => s.events.find((e) => e.t === 'run-end'));
    if (ends.every((e) => e !== undefined)) {
        const done = ends;
        out.push({
            t: 'run-end',
            wall: done.map((e) => e.wall).sort().at(-1),
            wallMs: Math.max(...done.map((e) => e.wallMs)),
            interrupted: done.find((e) => e.interrupted !== undefined)?.interrupted,
        });
    }
    return out;
}
function mergedStart(set) {
    const first = set.shards[0].start;
    const cells = first.cells.map((info) => {
        const own = set.shards.map((s) => s.start.cells.find((c) => c.index === info.index));
        const slots = own.flatMap((c) => c.slots ?? []).sort((a, b) => a - b);
        return { ...info, instances: own.reduce((n, c) => n + c.instances, 0), slots, slotsPlanned: info.slotsPlanned ?? slots.length };
    });
    return {
        ...first,
        wall: set.shards.map((s) => s.start.wall).sort()[0],
        cells,
        shards: { count: set.count, included: set.shards.map((s) => s.index), merged: true },
    };
}
function mergeCell(cell, shards) {
    const ran = shards
        .map((s) => s.events.filter((e) => 'cell' in e && e.cell === cell && e.t !== 'harness'))
        .filter((events) => events.some((e) => e.t === 'cell-start'));
    if (ran.length === 0)
        return [];
    const starts = ran.map((events) => events.find((e) => e.t === 'cell-start'));
    const maxCounters = new Set(starts[0].maxCounters ?? []);
    const out = [{ ...starts[0], wall: starts.map((e) => e.wall).sort()[0] }];
    const timed = [];
    const faults = new Map();
    for (const events of ran) {
        for (const e of events) {
            if (e.t === 'instance-start' || e.t === 'instance-end' || e.t === 'failure')
                timed.push(e);
            else if (e.t === 'fault-start') {
                const f = faults.get(e.id);
                if (!f)
                    faults.set(e.id, { start: e, slots: new Set(e.slots), started: 1, ends: [] });
                else {
                    for (const slot of e.slots)
                        f.slots.add(slot);
                    f.started += 1;
                    if (e.at < f.start.at)
                        f.start = { ...f.start, at: e.at };
                }
            }
            else if (e.t === 'fault-end' || e.t === 'fault-error')
                faults.get(e.id)?.ends.push({ at: e.at, ...(e.error ? { error: e.error } : {}) });
        }
    }
    for (const f of faults.values()) {
        timed.push({ ...f.start, slots: [...f.slots].sort((a, b) => a - b) });
        // Lifted once every shard that applied it lifted it; an error in any shard is kept.
        if (f.ends.length >= f.started) {
            const errors = [...new Set(f.ends.flatMap((e) => (e.error ? [e.error] : [])))];
            timed.push({ t: 'fault-end', cell, id: f.start.id, at: Math.max(...f.ends.map((e) => e.at)), ...(errors.length > 0 ? { error: errors.join('; ') } : {}) });
        }
    }
    const perShard = ran.map((events) => ({
        intervals: events.filter((e) => e.t === 'interval'),
        ended: events.some((e) => e.t === 'cell-end'),
    }));
    timed.push(...mergeCellIntervals(perShard, maxCounters));
    // By the cell's time; the sort is stable, so each instance's start stays ahead of its end at the same moment.
    out.push(...timed.sort((a, b) => a.at - b.at));
    const ends = ran.map((events) => events.find((e) => e.t === 'cell-end'));
    if (ends.every((e) => e !== undefined)) {
        const done = ends;
        out.push({
            t: 'cell-end',
            cell,
            at: Math.max(...done.map((e) => e.at)),
            drained: done.every((e) => e.drained),
            delivery: addCounts(done.map((e) => e.delivery)),
            requests: addRecords(done.map((e) => e.requests)),
            system: combineCounters(done.map((e) => e.system), maxCounters),
            sink: addFigures(done.map((e) => e.sink)),
        });
    }
    return out;
}
/** A sink's own figures over the shards' sinks: numbers add, at any depth; anything else is the first shard's. */
function addFigures(all) {
    const [head] = all;
    if (typeof head === 'number')
        return all.reduce((t, v) => t + (typeof v === 'number' ? v : 0), 0);
    if (head !== null && typeof head === 'object' && !Array.isArray(head)) {
        const keys = new Set(all.flatMap((v) => (v !== null && typeof v === 'object' ? Object.keys(v) : [])));
        const out = {};
        for (const k of keys)
            out[k] = addFigures(all.flatMap((v) => (v !== null && typeof v === 'object' && k in v ? [v[k]] : [])));
        return out;
    }
    return head;
}
//# sourceMappingURL=merge-journals.js.map