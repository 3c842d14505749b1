/** The CloudWatch Logs operations the mock understands, by their `X-Amz-Target` name. */
export declare const CLOUDWATCH_OPS: readonly ["CreateLogGroup", "CreateLogStream", "PutLogEvents", "DescribeLogGroups", "DescribeLogStreams", "PutRetentionPolicy", "DeleteRetentionPolicy", "GetLogEvents", "FilterLogEvents"];
export type CloudWatchOp = (typeof CLOUDWATCH_OPS)[number];
/** The operation an `X-Amz-Target` header names, or undefined when it names none the mock knows. */
export declare function operationOf(target: string | string[] | undefined): CloudWatchOp | undefined;
