import { formatDuration } from '../core/units.js';
import { describeFault } from './fault-describe.js';
/**
 * An occurrence in words: `latency 200ms±20ms on instances 0,3 from 10s to 40s`, `kill on instance 2 at 5m`.
 * Given the cell's instance count, an occurrence on every instance reads `on all instances`.
 */
export function describeOccurrence(occurrence, options = {}) {
    const { instances, start, end } = occurrence;
    const where = options.instances !== undefined && instances.length === options.instances && options.instances > 1
        ? 'all instances'
        : `instance${instances.length === 1 ? '' : 's'} ${instances.join(',')}`;
    const when = end > start ? `from ${formatDuration(start)} to ${formatDuration(end)}` : `at ${formatDuration(start)}`;
    return `${describeFault(occurrence.spec)} on ${where} ${when}`;
}
//# sourceMappingURL=timeline-describe.js.map