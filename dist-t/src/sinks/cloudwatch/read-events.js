import { ApiError, invalidParameter, streamNotFound } from './api-errors.js';
import { errorAnswer, okAnswer } from './answer.js';
import { eventBytes } from './event-archive.js';
import { parseFilterPattern } from './filter-pattern.js';
import { groupOf } from './group-ref.js';
import { MAX_PAGE_BYTES, MAX_PAGE_EVENTS } from './limits.js';
import { optionalBoolean, optionalInteger, optionalString, requiredString } from './request-body.js';
function timeRange(body, group, now) {
    const start = optionalInteger(body, 'startTime');
    if (start instanceof ApiError)
        return start;
    const end = optionalInteger(body, 'endTime');
    if (end instanceof ApiError)
        return end;
    const retention = group.retentionMs;
    const from = Math.max(start ?? -Infinity, retention === undefined ? -Infinity : now - retention);
    return { from, to: end ?? Infinity };
}
function pageLimit(body) {
    const limit = optionalInteger(body, 'limit');
    if (limit instanceof ApiError)
        return limit;
    if (limit !== undefined && (limit < 1 || limit > MAX_PAGE_EVENTS)) {
        return invalidParameter(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${MAX_PAGE_EVENTS}`);
    }
    return limit ?? MAX_PAGE_EVENTS;
}
/** Read tokens are `f/` or `b/` and an absolute position in the stream, padded like the service's long digit tokens. */
const TOKEN = /^([fb])\/(\d{1,56})$/;
const token = (direction, position) => `${direction}/${String(position).padStart(56, '0')}`;
/**
 * GetLogEvents: one stream, oldest first within a page. Without a token it starts at the head
 * (`startFromHead`) or ends at the tail (the default); `nextForwardToken` / `nextBackwardToken` continue
 * either way, and at the end of the stream the token passed in comes back (API_GetLogEvents).
 */
export function getLogEvents(body, sink, now) {
    const group = groupOf(body, sink);
    if (group instanceof ApiError)
        return errorAnswer(group);
    const streamName = requiredString(body, 'logStreamName');
    if (streamName instanceof ApiError)
        return errorAnswer(streamName);
    const stream = group.streams.get(streamName);
    if (stream === undefined)
        return errorAnswer(streamNotFound());
    const range = timeRange(body, group, now);
    if (range instanceof ApiError)
        return errorAnswer(range);
    const limit = pageLimit(body);
    if (limit instanceof ApiError)
        return errorAnswer(limit);
    const fromHead = optionalBoolean(body, 'startFromHead');
    if (fromHead instanceof ApiError)
        return errorAnswer(fromHead);
    const next = optionalString(body, 'nextToken');
    if (next instanceof ApiError)
        return errorAnswer(next);
    const kept = stream.kept;
    let forward = fromHead === true;
    let position = forward ? kept.offset : kept.end;
    if (next !== undefined) {
        const m = TOKEN.exec(next);
        if (m === null)
            return errorAnswer(invalidParameter('The specified nextToken is invalid.'));
        forward = m[1] === 'f';
        position = Math.min(Math.max(Number(m[2]), kept.offset), kept.end);
    }
    const inRange = (e) => e.timestamp >= range.from && e.timestamp < range.to;
    const page = [];
    let bytes = 0;
    let first = position;
    let after = position;
    if (forward) {
        for (let p = position; p < kept.end && page.length < limit; p++) {
            const e = kept.at(p);
            if (inRange(e)) {
                if (bytes + eventBytes(e) > MAX_PAGE_BYTES && page.length > 0)
                    break;
                bytes += eventBytes(e);
                if (page.length === 0)
                    first = p;
                page.push(e);
            }
            after = p + 1;
        }
    }
    else {
        for (let p = position - 1; p >= kept.offset && page.length < limit; p--) {
            const e = kept.at(p);
            if (inRange(e)) {
                if (bytes + eventBytes(e) > MAX_PAGE_BYTES && page.length > 0)
                    break;
                bytes += eventBytes(e);
                if (page.length === 0)
                    after = p + 1;
                page.push(e);
            }
            first = p;
        }
        page.reverse();
    }
    const events = page.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: Math.floor(e.ingestionTime) }));
    return okAnswer(JSON.stringify({ events, nextForwardToken: token('f', after), nextBackwardToken: token('b', first) }));
}
/** FilterLogEvents' `nextToken`: where the next page starts in the sorted matches. */
const FILTER_TOKEN = /^filter\/(\d{1,15})$/;
/**
 * FilterLogEvents: events of the group's streams (all, a list, or a name prefix), sorted "by event
 * timestamp, the timestamp when the event was ingested by CloudWatch Logs, and the ID of the PutLogEvents
 * request" (API_FilterLogEvents), filtered by time range and a term filter pattern (filter-pattern.ts).
 * `nextToken` is an offset into the sorted matches, valid while no new events arrive in the range.
 */
export function filterLogEvents(body, sink, now) {
    const group = groupOf(body, sink);
    if (group instanceof ApiError)
        return errorAnswer(group);
    const names = body.logStreamNames;
    if (names !== undefined && names !== null && !(Array.isArray(names) && names.every((n) => typeof n === 'string'))) {
        return errorAnswer(invalidParameter('logStreamNames must be a list of strings'));
    }
    const prefix = optionalString(body, 'logStreamNamePrefix');
    if (prefix instanceof ApiError)
        return errorAnswer(prefix);
    if (Array.isArray(names) && prefix !== undefined) {
        return errorAnswer(invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.'));
    }
    if (Array.isArray(names) && (names.length < 1 || names.length > 100)) {
        return errorAnswer(invalidParameter(`1 validation error detected: Value at 'logStreamNames' failed to satisfy constraint: Member must have length between 1 and 100`));
    }
    const range = timeRange(body, group, now);
    if (range instanceof ApiError)
        return errorAnswer(range);
    const limit = pageLimit(body);
    if (limit instanceof ApiError)
        return errorAnswer(limit);
    const pattern = optionalString(body, 'filterPattern');
    if (pattern instanceof ApiError)
        return errorAnswer(pattern);
    const matches = parseFilterPattern(pattern);
    if (matches instanceof ApiError)
        return errorAnswer(matches);
    const next = optionalString(body, 'nextToken');
    if (next instanceof ApiError)
        return errorAnswer(next);
    let offset = 0;
    if (next !== undefined) {
        const m = FILTER_TOKEN.exec(next);
        if (m === null)
            return errorAnswer(invalidParameter('The specified nextToken is invalid.'));
        offset = Number(m[1]);
    }
    const wanted = Array.isArray(names) ? new Set(names) : undefined;
    const found = [];
    const searched = [];
    for (const stream of group.streams.values()) {
        if (wanted !== undefined ? !wanted.has(stream.name) : !stream.name.startsWith(prefix ?? ''))
            continue;
        searched.push(stream.name);
        const kept = stream.kept;
        for (let p = kept.offset; p < kept.end; p++) {
            const e = kept.at(p);
            if (e.timestamp >= range.from && e.timestamp < range.to && matches(e.message))
                found.push({ stream: stream.name, e });
        }
    }
    found.sort((a, b) => a.e.timestamp - b.e.timestamp || a.e.ingestionTime - b.e.ingestionTime || (a.e.eventId < b.e.eventId ? -1 : 1));
    const events = [];
    let bytes = 0;
    let i = offset;
    for (; i < found.length && events.length < limit; i++) {
        const { stream, e } = found[i];
        if (bytes + eventBytes(e) > MAX_PAGE_BYTES && events.length > 0)
            break;
        bytes += eventBytes(e);
        events.push({ logStreamName: stream, timestamp: e.timestamp, message: e.message, ingestionTime: Math.floor(e.ingestionTime), eventId: e.eventId });
    }
    const searchedLogStreams = searched.map((logStreamName) => ({ logStreamName, searchedCompletely: true }));
    return okAnswer(JSON.stringify({ events, searchedLogStreams, nextToken: i < found.length ? `filter/${i}` : undefined }));
}
//# sourceMappingURL=read-events.js.map