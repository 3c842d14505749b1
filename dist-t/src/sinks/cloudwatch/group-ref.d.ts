import { ApiError } from './api-errors.js';
import type { LogGroup } from './log-store.js';
import { type JsonObject } from './request-body.js';
import type { SinkState } from './sink-state.js';
/** The ARN prefix the mock gives its log groups (one made-up account and Region). */
export declare const GROUP_ARN_PREFIX = "arn:aws:logs:us-east-1:000000000000:log-group:";
/**
 * The log group a read names, by `logGroupName` or `logGroupIdentifier` (a name or an ARN, with or without
 * the `:*` suffix). "You must include one of these two parameters, but you can't include both."
 * (API_GetLogEvents, API_FilterLogEvents, API_DescribeLogStreams.)
 */
export declare function groupOf(body: JsonObject, sink: SinkState): LogGroup | ApiError;
