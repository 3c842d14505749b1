/**
 * The CloudWatch Logs limits the mock enforces, each with the AWS documentation it comes from.
 * PutLogEvents API reference: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html
 */
/** "The maximum batch size is 1,048,576 bytes. This size is calculated as the sum of all event messages in UTF-8, plus 26 bytes for each log event." (API_PutLogEvents) */
export declare const MAX_BATCH_BYTES = 1048576;
/** The per-event overhead of that sum (API_PutLogEvents). */
export declare const EVENT_OVERHEAD_BYTES = 26;
/** "The maximum number of log events in a batch is 10,000." (API_PutLogEvents) */
export declare const MAX_BATCH_EVENTS = 10000;
/** "A batch of log events in a single request cannot span more than 24 hours." (API_PutLogEvents) */
export declare const MAX_BATCH_SPAN_MS: number;
/** "Events more than 2 hours in the future are rejected while processing remaining valid events." (API_PutLogEvents) */
export declare const TOO_NEW_MS: number;
/** "Events older than 14 days or preceding the log group's retention period are rejected while processing remaining valid events." (API_PutLogEvents) */
export declare const TOO_OLD_MS: number;
/**
 * "Each log event can be no larger than 256 KB." (API_PutLogEvents until 2025; the InputLogEvent `message`
 * doc said the same.) Clients measure it as 262,144 bytes including the 26-byte overhead: the service's
 * answer is "Log event too large: N bytes exceeds limit of 262144" (quoted in aws/aws-sdk-js-v3#6164 and
 * aws/aws-for-fluent-bit#68), and the largest message it accepts is 262,118 bytes = 256 * 1024 - 26
 * (amekkawi/cwlogs-writable#18).
 */
export declare const MAX_EVENT_BYTES_PRE_2025 = 262144;
/**
 * "Each log event can be no larger than 1 MB." (InputLogEvent `message`, API reference since the April 2025
 * AWS What's New post "Amazon CloudWatch Logs increases log event size to 1 MB".) Taken as 1,048,576.
 */
export declare const MAX_EVENT_BYTES = 1048576;
/**
 * The largest event of the service generation the sink emulates: the pre-2023 service (enforced sequence
 * tokens) had 256 KB events, today's has 1 MB.
 */
export declare function defaultMaxEventSize(sequenceTokens: 'enforced' | 'ignored'): number;
/**
 * "The quota of five requests per second per log stream has been removed." (API_PutLogEvents, Important
 * box; in force before January 2023.) The mock's pre-2023 default.
 */
export declare const PRE_2023_STREAM_RATE = 5;
/**
 * GetLogEvents / FilterLogEvents: "Each page returned can contain up to 1 MB of log events or up to 10,000
 * log events." (API_GetLogEvents, API_FilterLogEvents.) The page size is counted like PutLogEvents' batch.
 */
export declare const MAX_PAGE_EVENTS = 10000;
export declare const MAX_PAGE_BYTES = 1048576;
/**
 * The request body size the mock accepts at most (answered 413 RequestEntityTooLargeException above it).
 * The service documents no HTTP body limit for the JSON API apart from the batch measure above; a valid
 * batch of 1 MiB of messages can need up to ~6 MiB of JSON when every character is escaped as \u00XX, plus
 * the 10,000 event wrappers, so 8 MiB never refuses a batch the service would take.
 */
export declare const DEFAULT_MAX_REQUEST_BYTES: number;
/** Request bytes held at once across all connections (see request-budget.ts). */
export declare const DEFAULT_REQUEST_BUDGET: number;
