import { z } from 'zod';
import { duration, flag, rate, retryLimit, size } from '../../core/fields.js';
import { MAX_RATE_PER_SECOND, MAX_RECORD_BYTES } from '../../core/limits.js';
/**
 * `system: { kind: forwarder }`: the forwarder's scenario fragment (config.ts types its output). Objects
 * are strict, unit strings become numbers, and every default is applied here; defaults follow Fluent Bit
 * where it has one (domain.md §1). Defaults of unit fields are given in their YAML form (`prefault`).
 */
/** Fluent Bit's async DNS timeout: connect_timeout minus 1 s when over 3 s, else minus a third (domain.md §1). */
export function deriveDnsTimeout(connectTimeoutMs) {
    return connectTimeoutMs > 3000 ? connectTimeoutMs - 1000 : connectTimeoutMs - connectTimeoutMs / 3;
}
const schedulerSchema = z
    .strictObject({
    kind: z
        .enum(['async', 'sync-minimal', 'sync-legacy'])
        .default('async')
        .describe('async: up to `workers` flushes in flight. sync-minimal: one batch at a time, the next as soon as the last ends (the seed\'s patch, FLB_OUTPUT_SYNCHRONOUS). sync-legacy: at most one batch per flush interval (FLB_OUTPUT_NO_MULTIPLEX).'),
    workers: z.int().min(1).default(1).describe('Concurrent flushes for the async scheduler (Fluent Bit `workers`; 1 for cloudwatch_logs).'),
    base: duration({ positive: true }).prefault('5s').describe('Retry backoff base (Fluent Bit `scheduler.base`). Each wait is uniform in [base, min(base * 2^n, cap)].'),
    cap: duration({ positive: true }).prefault('2000s').describe('Retry backoff cap (Fluent Bit `scheduler.cap`).'),
    retryLimit: retryLimit()
        .prefault(1)
        .describe('Retries per chunk after the first attempt (Fluent Bit `Retry_Limit`): a number, no_retries (0), or unlimited / no_limits / false / off.'),
})
    .superRefine((s, ctx) => {
    if (typeof s.base === 'number' && typeof s.cap === 'number' && s.cap < s.base) {
        ctx.addIssue({ code: 'custom', path: ['cap'], message: 'expected a cap at least as long as base', input: s.cap });
    }
})
    .describe('How flushes are scheduled and retried.');
const cloudWatchOutputSchema = z
    .strictObject({
    kind: z.literal('cloudwatch').default('cloudwatch').describe('Output plugin. Only cloudwatch for now.'),
    logGroup: z.string().min(1).default('duress').describe('Log group written to.'),
    logStreamPrefix: z.string().default('instance-').describe('Each instance writes to its own stream: `<prefix><instance index>`.'),
    autoCreateGroup: flag().prefault(true).describe('Create the log group when CreateLogStream finds it missing (Fluent Bit `auto_create_group`).'),
})
    .describe('Where the forwarder sends records.');
const netSchema = z
    .strictObject({
    stack: z
        .enum(['async', 'sync'])
        .default('async')
        .describe('async: undici with every timeout enforced. sync: the legacy blocking-style stack, with its known defects (DNS and reads without timeouts, unwatched idle connections).'),
    keepalive: flag().prefault(true).describe('Reuse connections (Fluent Bit `net.keepalive`).'),
    keepaliveIdleTimeout: duration({ positive: true }).prefault('30s').describe('Idle keep-alive connections are closed after this (`net.keepalive_idle_timeout`).'),
    connectTimeout: duration({ positive: true }).prefault('10s').describe('Connect timeout, TLS handshake included (`net.connect_timeout`).'),
    ioTimeout: duration().prefault(0).describe('Read/write timeout; 0 means none (`net.io_timeout`, default 0).'),
    dnsTimeout: duration({ positive: true })
        .optional()
        .describe('DNS lookup timeout on the async stack. Default: connectTimeout minus 1s when over 3s, else minus a third (9s for 10s).'),
})
    .transform((net) => ({ ...net, dnsTimeout: net.dnsTimeout ?? deriveDnsTimeout(net.connectTimeout) }))
    .describe('Network stack of the forwarder.');
export const forwarderSchema = z
    .strictObject({
    kind: z.literal('forwarder').describe('The in-process log forwarder, modelled on Fluent Bit\'s output path.'),
    input: z
        .strictObject({
        rate: rate({ positive: true, max: MAX_RATE_PER_SECOND, what: 'per instance' }).describe('Records per second, per instance: 2000/s, 120/m, 10/h, or a plain number per second (at most 1000000/s).'),
        recordSize: size({ positive: true, max: MAX_RECORD_BYTES, what: 'per record' })
            .prefault('200B').describe('Bytes of message per record, id and timestamp included.'),
    })
        .describe('The load each instance receives.'),
    flush: duration({ positive: true }).prefault('1s').describe('Flush interval (Fluent Bit `Flush`).'),
    memLimit: size({ positive: true })
        .prefault('64MB')
        .describe('Memory buffer limit (Fluent Bit `Mem_Buf_Limit`). Sizes are 1024-based as in Fluent Bit: 64MB = 64 * 1024 * 1024 bytes.'),
    onFull: z.enum(['pause', 'drop']).default('pause').describe('When the buffer is full: pause the input (records wait) or drop (counted as declared drops).'),
    chunkSize: size({ positive: true }).prefault('512KB').describe('Largest chunk handed to the output in one batch.'),
    scheduler: schedulerSchema.prefault({}),
    output: cloudWatchOutputSchema.prefault({}),
    net: netSchema.prefault({}),
})
    .superRefine((f, ctx) => {
    if (typeof f.chunkSize === 'number' && typeof f.memLimit === 'number' && f.chunkSize > f.memLimit) {
        ctx.addIssue({ code: 'custom', path: ['chunkSize'], message: 'expected a chunk size no larger than memLimit', input: f.chunkSize });
    }
});
//# sourceMappingURL=schema.js.map