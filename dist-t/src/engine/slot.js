/** A fresh slot: generation 0, no instance yet. */
export function newSlot(index) {
    return { index, generation: 0, instance: undefined, watch: undefined, startedAt: 0, frozenUntil: 0, active: new Map(), lifted: new Map(), replacing: false };
}
/** The faults active on the slot now, then those lifted at or after `since` (scenario epoch ms). */
export function faultsSince(slot, since) {
    const faults = [...slot.active].map(([id, description]) => ({ id, description }));
    for (const [id, l] of slot.lifted)
        if (l.at >= since && !slot.active.has(id))
            faults.push({ id, description: l.description });
    return faults;
}
/** Forgets lifted faults older than `before`, so the map stays small over a long run (insertion order is lift order). */
export function pruneLifted(lifted, before) {
    for (const [id, l] of lifted) {
        if (l.at >= before)
            break;
        lifted.delete(id);
    }
}
/** How long a hang verdict says the instance was stuck or silent (scenario ms), at least the hang window. */
export function hangSpan(verdict, hangWindow) {
    const e = verdict.evidence;
    const span = typeof e.stuckForMs === 'number' ? e.stuckForMs : typeof e.silentForMs === 'number' ? e.silentForMs : 0;
    return Math.max(hangWindow, span);
}
//# sourceMappingURL=slot.js.map