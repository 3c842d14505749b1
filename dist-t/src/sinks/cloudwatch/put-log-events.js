import { ApiError, groupNotFound, serviceUnavailable, streamNotFound, THROTTLED } from './api-errors.js';
import { errorAnswer, okAnswer } from './answer.js';
import { validateBatch } from './batch-validation.js';
import { EVENT_OVERHEAD_BYTES } from './limits.js';
import { optionalString, requiredString } from './request-body.js';
/**
 * PutLogEvents, in the service's order of checks: names, existence, the per-stream quota, the batch,
 * the sequence token. Then the batch's fate under sink faults (stored, discarded or duplicated).
 * `now` is the scenario time the request arrived.
 */
export function putLogEvents(body, sink, now) {
    const groupName = requiredString(body, 'logGroupName');
    if (groupName instanceof ApiError)
        return errorAnswer(groupName);
    const streamName = requiredString(body, 'logStreamName');
    if (streamName instanceof ApiError)
        return errorAnswer(streamName);
    const token = optionalString(body, 'sequenceToken');
    if (token instanceof ApiError)
        return errorAnswer(token);
    const group = sink.store.groups.get(groupName);
    if (group === undefined)
        return errorAnswer(groupNotFound());
    const stream = group.streams.get(streamName);
    if (stream === undefined)
        return errorAnswer(streamNotFound());
    if (stream.bucket !== undefined && !stream.bucket.take(now))
        return errorAnswer(THROTTLED);
    const summary = validateBatch(body.logEvents, now, { maxEventBytes: sink.maxEventBytes, retentionMs: group.retentionMs });
    if (summary instanceof ApiError)
        return errorAnswer(summary);
    const events = body.logEvents;
    if (sink.sequenceTokens) {
        const invalid = stream.tokens.check(token, summary, events);
        if (invalid !== undefined)
            return errorAnswer(invalid);
    }
    const fate = sink.faults.size === 0 ? undefined : sink.faults.batchFault(streamName);
    // A duplicated batch must not be recognised when it comes back, or it would be DataAlreadyAccepted.
    const next = stream.tokens.advance(token, summary, events, sink.sequenceTokens && fate !== 'duplicate');
    const answerBody = responseBody(next, summary);
    if (fate === 'discard') {
        sink.counters.batchesDiscarded += 1;
        sink.counters.eventsDiscarded += summary.count;
        return okAnswer(answerBody, 'discarded');
    }
    store(sink, group, stream, events, summary, now);
    if (fate === 'duplicate') {
        sink.counters.batchesDuplicated += 1;
        sink.counters.eventsDuplicated += summary.count;
        return errorAnswer(serviceUnavailable(500), 'duplicated');
    }
    return okAnswer(answerBody);
}
function store(sink, group, stream, events, summary, now) {
    const { keepFrom, keepTo } = summary;
    const kept = keepFrom === 0 && keepTo === summary.count ? events : events.slice(keepFrom, keepTo);
    const rejected = summary.count - kept.length;
    let bytes = summary.bytes;
    if (rejected > 0) {
        bytes = 0;
        for (const e of kept)
            bytes += Buffer.byteLength(e.message, 'utf8') + EVENT_OVERHEAD_BYTES;
        sink.counters.eventsRejected += rejected;
    }
    if (kept.length > 0) {
        const first = kept[0];
        const last = kept[kept.length - 1];
        if (stream.firstEventTimestamp === undefined || first.timestamp < stream.firstEventTimestamp)
            stream.firstEventTimestamp = first.timestamp;
        if (stream.lastEventTimestamp === undefined || last.timestamp > stream.lastEventTimestamp)
            stream.lastEventTimestamp = last.timestamp;
    }
    stream.batches += 1;
    stream.events += kept.length;
    stream.bytes += bytes;
    stream.lastIngestionTime = now;
    sink.counters.batchesStored += 1;
    sink.counters.eventsStored += kept.length;
    sink.counters.bytesStored += bytes;
    sink.store.archive.add(stream.kept, kept, now, bytes);
    sink.emit({ group: group.name, stream: stream.name, events: kept, receivedAt: now });
}
/**
 * `{"nextSequenceToken":"…"}`, plus `rejectedLogEventsInfo` when events were too old, expired or too new
 * (API_RejectedLogEventsInfo: `tooOldLogEventEndIndex` and `expiredLogEventEndIndex` are exclusive ends,
 * `tooNewLogEventStartIndex` is the first rejected too-new event). The service still returns a
 * `nextSequenceToken` since it ignores tokens (the field is documented as deprecated, not removed), so
 * the mock returns one in both modes. Tokens are digits, so no escaping is needed.
 */
function responseBody(token, summary) {
    const tooNew = summary.keepTo < summary.count;
    if (summary.keepFrom === 0 && !tooNew)
        return `{"nextSequenceToken":"${token}"}`;
    const info = {};
    if (tooNew)
        info.tooNewLogEventStartIndex = summary.keepTo;
    if (summary.tooOldEnd > 0)
        info.tooOldLogEventEndIndex = summary.tooOldEnd;
    if (summary.expiredEnd > 0)
        info.expiredLogEventEndIndex = summary.expiredEnd;
    return JSON.stringify({ nextSequenceToken: token, rejectedLogEventsInfo: info });
}
//# sourceMappingURL=put-log-events.js.map