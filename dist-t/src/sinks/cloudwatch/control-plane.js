import { ApiError, groupExists, groupNotFound, invalidParameter, streamExists } from './api-errors.js';
import { errorAnswer, okAnswer } from './answer.js';
import { GROUP_ARN_PREFIX, groupOf } from './group-ref.js';
import { LogGroup } from './log-store.js';
import { optionalBoolean, optionalInteger, optionalString, requiredString } from './request-body.js';
const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
/** "Possible values are: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, and 3653." (API_PutRetentionPolicy, `retentionInDays`) */
const RETENTION_DAYS = new Set([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]);
const MAX_PAGE = 50;
function groupName(body) {
    const name = requiredString(body, 'logGroupName');
    if (typeof name === 'string' && !GROUP_NAME.test(name)) {
        return invalidParameter(`1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+ and length 1..512`);
    }
    return name;
}
function streamName(body) {
    const name = requiredString(body, 'logStreamName');
    if (typeof name === 'string' && (name.length === 0 || name.length > 512 || /[:*]/.test(name))) {
        return invalidParameter(`1 validation error detected: Value '${name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]* and length 1..512`);
    }
    return name;
}
export function createLogGroup(body, sink, now) {
    const name = groupName(body);
    if (typeof name !== 'string')
        return errorAnswer(name);
    if (sink.store.groups.has(name))
        return errorAnswer(groupExists());
    sink.store.groups.set(name, new LogGroup(name, now));
    return okAnswer();
}
export function createLogStream(body, sink, now) {
    const gName = groupName(body);
    if (typeof gName !== 'string')
        return errorAnswer(gName);
    const sName = streamName(body);
    if (typeof sName !== 'string')
        return errorAnswer(sName);
    const group = sink.store.groups.get(gName);
    if (group === undefined)
        return errorAnswer(groupNotFound());
    if (group.streams.has(sName))
        return errorAnswer(streamExists());
    sink.store.createStream(group, sName, now);
    return okAnswer();
}
export function putRetentionPolicy(body, sink) {
    const name = groupName(body);
    if (typeof name !== 'string')
        return errorAnswer(name);
    const days = optionalInteger(body, 'retentionInDays');
    if (days instanceof ApiError)
        return errorAnswer(days);
    if (days === undefined || !RETENTION_DAYS.has(days)) {
        return errorAnswer(invalidParameter(`retentionInDays must be one of ${[...RETENTION_DAYS].join(', ')}`));
    }
    const group = sink.store.groups.get(name);
    if (group === undefined)
        return errorAnswer(groupNotFound());
    group.retentionInDays = days;
    return okAnswer();
}
export function deleteRetentionPolicy(body, sink) {
    const name = groupName(body);
    if (typeof name !== 'string')
        return errorAnswer(name);
    const group = sink.store.groups.get(name);
    if (group === undefined)
        return errorAnswer(groupNotFound());
    group.retentionInDays = undefined;
    return okAnswer();
}
/** Paging members shared by the Describe operations; `nextToken` is an offset the mock hands out. */
function page(body, prefixMember) {
    const limit = optionalInteger(body, 'limit');
    const prefix = optionalString(body, prefixMember);
    const token = optionalString(body, 'nextToken');
    const descending = optionalBoolean(body, 'descending');
    if (limit instanceof ApiError)
        return limit;
    if (prefix instanceof ApiError)
        return prefix;
    if (token instanceof ApiError)
        return token;
    if (descending instanceof ApiError)
        return descending;
    if (limit !== undefined && (limit < 1 || limit > MAX_PAGE))
        return invalidParameter(`limit must be between 1 and ${MAX_PAGE}`);
    const offset = token === undefined ? 0 : Number(token);
    if (!Number.isSafeInteger(offset) || offset < 0)
        return invalidParameter('The specified nextToken is invalid.');
    return { limit: limit ?? MAX_PAGE, offset, prefix: prefix ?? '', descending: descending === true };
}
function paged(items, p, key) {
    const slice = items.slice(p.offset, p.offset + p.limit);
    const next = p.offset + p.limit < items.length ? String(p.offset + p.limit) : undefined;
    return JSON.stringify({ [key]: slice, nextToken: next });
}
export function describeLogGroups(body, sink) {
    const p = page(body, 'logGroupNamePrefix');
    if (p instanceof ApiError)
        return errorAnswer(p);
    const groups = [...sink.store.groups.values()]
        .filter((g) => g.name.startsWith(p.prefix))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((g) => {
        let storedBytes = 0;
        for (const s of g.streams.values())
            storedBytes += s.bytes;
        return {
            logGroupName: g.name,
            creationTime: Math.floor(g.createdAt),
            retentionInDays: g.retentionInDays,
            metricFilterCount: 0,
            arn: `${GROUP_ARN_PREFIX}${g.name}:*`,
            storedBytes,
        };
    });
    return okAnswer(paged(groups, p, 'logGroups'));
}
function streamView(groupName, s) {
    return {
        logStreamName: s.name,
        creationTime: Math.floor(s.createdAt),
        firstEventTimestamp: s.firstEventTimestamp,
        lastEventTimestamp: s.lastEventTimestamp,
        lastIngestionTime: s.lastIngestionTime === undefined ? undefined : Math.floor(s.lastIngestionTime),
        uploadSequenceToken: s.tokens.expected,
        arn: `${GROUP_ARN_PREFIX}${groupName}:log-stream:${s.name}`,
        storedBytes: s.bytes,
    };
}
export function describeLogStreams(body, sink) {
    const group = groupOf(body, sink);
    if (group instanceof ApiError)
        return errorAnswer(group);
    const name = group.name;
    const p = page(body, 'logStreamNamePrefix');
    if (p instanceof ApiError)
        return errorAnswer(p);
    const orderBy = optionalString(body, 'orderBy');
    if (orderBy instanceof ApiError)
        return errorAnswer(orderBy);
    if (orderBy !== undefined && orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime') {
        return errorAnswer(invalidParameter('orderBy must be LogStreamName or LastEventTime'));
    }
    if (orderBy === 'LastEventTime' && p.prefix !== '') {
        return errorAnswer(invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.'));
    }
    const streams = [...group.streams.values()].filter((s) => s.name.startsWith(p.prefix));
    if (orderBy === 'LastEventTime')
        streams.sort((a, b) => (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0));
    else
        streams.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (p.descending)
        streams.reverse();
    return okAnswer(paged(streams.map((s) => streamView(name, s)), p, 'logStreams'));
}
//# sourceMappingURL=control-plane.js.map