import { ApiError, groupNotFound, invalidParameter } from './api-errors.js';
import { optionalString } from './request-body.js';
/** The ARN prefix the mock gives its log groups (one made-up account and Region). */
export const GROUP_ARN_PREFIX = 'arn:aws:logs:us-east-1:000000000000:log-group:';
const ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]*:\d*:log-group:([^:]+)(?::\*)?$/;
/**
 * The log group a read names, by `logGroupName` or `logGroupIdentifier` (a name or an ARN, with or without
 * the `:*` suffix). "You must include one of these two parameters, but you can't include both."
 * (API_GetLogEvents, API_FilterLogEvents, API_DescribeLogStreams.)
 */
export function groupOf(body, sink) {
    const name = optionalString(body, 'logGroupName');
    if (name instanceof ApiError)
        return name;
    const identifier = optionalString(body, 'logGroupIdentifier');
    if (identifier instanceof ApiError)
        return identifier;
    if (name !== undefined && identifier !== undefined) {
        return invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
    }
    if (name === undefined && identifier === undefined) {
        return invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
    }
    const resolved = name ?? (ARN.exec(identifier)?.[1] ?? identifier);
    return sink.store.groups.get(resolved) ?? groupNotFound();
}
//# sourceMappingURL=group-ref.js.map