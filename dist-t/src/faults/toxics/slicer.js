import { formatDuration, formatSize } from '../../core/units.js';
import { duration, size } from '../../core/fields.js';
import { registerToxicKind } from '../toxic-kind.js';
import { INTERRUPTED } from '../toxic.js';
/** The shortest wait a Node timer can do, wall ms. */
const TIMER_WALL_MS = 1;
/**
 * With sub-millisecond delays, how far behind its schedule (a late timer, a busy event loop) the slicer may
 * fall and still catch up by sending slices without delay, wall ms. Beyond it the time is lost for good.
 */
const CREDIT_WALL_MS = 100;
/** Splits chunks into slices of about `average_size` ± `size_variation` bytes, `delay` µs apart (on average, below 1 ms). */
export class SlicerToxic {
    schema = {
        goName: 'SlicerToxic',
        fields: [
            { key: 'average_size', kind: 'int' },
            { key: 'size_variation', kind: 'int' },
            { key: 'delay', kind: 'int' },
        ],
    };
    attributes = { average_size: 0, size_variation: 0, delay: 0 };
    /** Slice boundaries by recursive halving with ± variation, as pairs [start, end, start, end, …]. */
    chunk(start, end, random) {
        const average = Math.max(1, this.attributes.average_size);
        const variation = Math.max(0, this.attributes.size_variation);
        if (end - start - average <= variation)
            return [start, end];
        const jitter = variation > 0 ? Math.floor(random.next() * variation * 2) - variation : 0;
        const mid = Math.min(end - 1, Math.max(start + 1, start + Math.floor((end - start) / 2) + jitter));
        return [...this.chunk(start, mid, random), ...this.chunk(mid, end, random)];
    }
    async pipe(stub) {
        const delayMs = this.attributes.delay / 1000;
        const clock = stub.clock;
        // Every slice is followed by `delay` (Toxiproxy sleeps after each). `due` is the scenario time by which
        // the slices written so far have had their delays. A delay of a timer's worth or more is slept off
        // after each slice, as Toxiproxy does: each gap is at least the delay. Shorter ones add up and are slept
        // off once they reach a timer's worth, since a Node timer cannot wait less than 1 ms (which used to
        // floor a 10 µs delay at over a millisecond per slice); so they hold on average, and time lost to a
        // late timer is made up for by the next slices (up to CREDIT_WALL_MS).
        const sleepEach = clock.toWall(delayMs) >= TIMER_WALL_MS;
        const credit = sleepEach ? 0 : clock.toScenario(CREDIT_WALL_MS);
        let due = -Infinity;
        for (;;) {
            const c = await stub.read();
            if (c === INTERRUPTED)
                return;
            if (c === null)
                return stub.close();
            // Time spent waiting for this chunk pays no delay off.
            due = Math.max(due, c.timestamp);
            const bounds = this.chunk(0, c.data.length, stub.random);
            for (let i = 1; i < bounds.length; i += 2) {
                const end = bounds[i];
                await stub.write({ data: c.data.subarray(bounds[i - 1], end), timestamp: c.timestamp });
                let goOn = !stub.signal.aborted;
                if (delayMs > 0 && goOn) {
                    const now = clock.now();
                    due = Math.max(due, now - credit) + delayMs;
                    const owedWall = clock.toWall(due - now);
                    if (sleepEach ? owedWall > 0 : owedWall >= TIMER_WALL_MS)
                        goOn = await stub.sleepUntil(due);
                }
                if (!goOn) {
                    if (end < c.data.length)
                        await stub.write({ data: c.data.subarray(end), timestamp: c.timestamp });
                    return;
                }
            }
        }
    }
}
registerToxicKind({
    name: 'slicer',
    create: () => new SlicerToxic(),
    description: 'Toxiproxy slicer: data split into small slices, sent `delay` apart.',
    params: {
        averageSize: size({ positive: true }).describe('Average slice size.'),
        sizeVariation: size().prefault(0).describe('Uniform ± variation of the slice size.'),
        delay: duration().prefault(0).describe('Pause between slices (Toxiproxy counts it in microseconds: 0.5ms works).'),
    },
    attributes: {
        average_size: { from: 'averageSize', unit: 'bytes' },
        size_variation: { from: 'sizeVariation', unit: 'bytes' },
        delay: { from: 'delay', unit: 'us' },
    },
    stopsData: false,
    describe(spec) {
        const variation = spec.sizeVariation > 0 ? `±${formatSize(spec.sizeVariation)}` : '';
        return ` ${formatSize(spec.averageSize)}${variation} slices${spec.delay > 0 ? ` ${formatDuration(spec.delay)} apart` : ''}`;
    },
});
//# sourceMappingURL=slicer.js.map