import { ApiError, groupNotFound, invalidParameter } from './api-errors.js';
import type { LogGroup } from './log-store.js';
import { optionalString, type JsonObject } from './request-body.js';
import type { SinkState } from './sink-state.js';

/** The ARN prefix the mock gives its log groups (one made-up account and Region). */
export const GROUP_ARN_PREFIX = 'arn:aws:logs:us-east-1:000000000000:log-group:';

const ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]*:\d*:log-group:([^:]+)(?::\*)?$/;

/**
 * The log group a read names, by `logGroupName` or `logGroupIdentifier` (a name or an ARN, with or without
 * the `:*` suffix). "You must include one of these two parameters, but you can't include both."
 * (API_GetLogEvents, API_FilterLogEvents, API_DescribeLogStreams.)
 */
export function groupOf(body: JsonObject, sink: SinkState): LogGroup | ApiError {
  const name = optionalString(body, 'logGroupName');
  if (name instanceof ApiError) return name;
  const identifier = optionalString(body, 'logGroupIdentifier');
  if (identifier instanceof ApiError) return identifier;
  if (name !== undefined && identifier !== undefined) {
    return invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  if (name === undefined && identifier === undefined) {
    return invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
  }
  const resolved = name ?? (ARN.exec(identifier as string)?.[1] ?? (identifier as string));
  return sink.store.groups.get(resolved) ?? groupNotFound();
}
