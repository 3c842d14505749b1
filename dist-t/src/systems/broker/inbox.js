export const QUEUED = { kind: 'queued' };
export const DROPPED = { kind: 'dropped' };
/** True when `messages`/`bytes` reach or exceed the limit on either measure. */
export function atLimit(limit, messages, bytes) {
    if (!limit)
        return false;
    return (limit.messages !== undefined && messages >= limit.messages) || (limit.bytes !== undefined && bytes >= limit.bytes);
}
/** True when the limit is strictly exceeded on either measure. */
export function overLimit(limit, messages, bytes) {
    if (!limit)
        return false;
    return (limit.messages !== undefined && messages > limit.messages) || (limit.bytes !== undefined && bytes > limit.bytes);
}
//# sourceMappingURL=inbox.js.map