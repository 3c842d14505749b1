import { invalidParameter, missingMember, serialization } from './api-errors.js';
import { EVENT_OVERHEAD_BYTES, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_BATCH_SPAN_MS, TOO_NEW_MS, TOO_OLD_MS } from './limits.js';
export { EVENT_OVERHEAD_BYTES } from './limits.js';
/**
 * Checks a PutLogEvents `logEvents` member in one pass without allocating: member types, count, total size,
 * chronological order and span; and finds the too-old prefix and too-new suffix relative to `now`.
 * Returns the summary, or the error the service would answer.
 */
export function validateBatch(logEvents, now, limits) {
    if (logEvents === undefined || logEvents === null)
        return missingMember('logEvents');
    if (!Array.isArray(logEvents))
        return serialization('logEvents must be a JSON array of {timestamp, message} objects');
    const count = logEvents.length;
    if (count === 0) {
        return invalidParameter("1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    if (count > MAX_BATCH_EVENTS) {
        return invalidParameter(`1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to ${MAX_BATCH_EVENTS} (got ${count} events)`);
    }
    const oldLimit = now - TOO_OLD_MS;
    const expiredLimit = limits.retentionMs === undefined ? -Infinity : now - limits.retentionMs;
    const newLimit = now + TOO_NEW_MS;
    let bytes = 0;
    let previous = -Infinity;
    let tooOldEnd = 0;
    let expiredEnd = 0;
    let keepTo = count;
    let mix = 0x811c9dc5;
    for (let i = 0; i < count; i++) {
        const event = logEvents[i];
        if (typeof event !== 'object' || event === null)
            return serialization(`logEvents[${i}] must be a JSON object`);
        const { timestamp, message } = event;
        if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp)) {
            return timestamp === undefined || timestamp === null
                ? missingMember(`logEvents.${i + 1}.member.timestamp`)
                : serialization(`logEvents[${i}].timestamp must be an integer (epoch milliseconds)`);
        }
        if (typeof message !== 'string') {
            return message === undefined || message === null
                ? missingMember(`logEvents.${i + 1}.member.message`)
                : serialization(`logEvents[${i}].message must be a string`);
        }
        if (timestamp < previous)
            return invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
        previous = timestamp;
        const length = Buffer.byteLength(message, 'utf8');
        if (length + EVENT_OVERHEAD_BYTES > limits.maxEventBytes) {
            return invalidParameter(`Log event too large: ${length + EVENT_OVERHEAD_BYTES} bytes exceeds limit of ${limits.maxEventBytes}`);
        }
        bytes += length + EVENT_OVERHEAD_BYTES;
        if (timestamp < oldLimit)
            tooOldEnd = i + 1;
        if (timestamp < expiredLimit)
            expiredEnd = i + 1;
        if (timestamp > newLimit && keepTo === count)
            keepTo = i;
        mix = Math.imul(mix ^ (timestamp | 0), 16777619) ^ length;
    }
    if (bytes > MAX_BATCH_BYTES)
        return invalidParameter(`Upload too large: ${bytes} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
    const first = logEvents[0].timestamp;
    if (previous - first > MAX_BATCH_SPAN_MS) {
        return invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
    }
    const keepFrom = Math.max(tooOldEnd, expiredEnd);
    return { count, bytes, firstTimestamp: first, lastTimestamp: previous, tooOldEnd, expiredEnd, keepFrom, keepTo: Math.max(keepTo, keepFrom), mix };
}
//# sourceMappingURL=batch-validation.js.map