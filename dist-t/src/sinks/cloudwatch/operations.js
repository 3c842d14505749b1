/** The CloudWatch Logs operations the mock understands, by their `X-Amz-Target` name. */
export const CLOUDWATCH_OPS = [
    'CreateLogGroup',
    'CreateLogStream',
    'PutLogEvents',
    'DescribeLogGroups',
    'DescribeLogStreams',
    'PutRetentionPolicy',
    'DeleteRetentionPolicy',
    'GetLogEvents',
    'FilterLogEvents',
];
const TARGET_PREFIX = 'Logs_20140328.';
const BY_TARGET = new Map(CLOUDWATCH_OPS.map((op) => [TARGET_PREFIX + op, op]));
/** The operation an `X-Amz-Target` header names, or undefined when it names none the mock knows. */
export function operationOf(target) {
    return typeof target === 'string' ? BY_TARGET.get(target) : undefined;
}
//# sourceMappingURL=operations.js.map