import { z } from 'zod';
import { duration, flag, rate, size } from '../../core/fields.js';
import { describeInput } from '../../core/units.js';
import { defaultMaxEventSize } from './limits.js';
/**
 * The CloudWatch service generation the sink emulates, chosen by `sequenceTokens` (the two changed together
 * in January 2023): `ignored` (today) has no per-stream quota and 1 MB events; `enforced` (before 2023)
 * has the 5 requests/s per-stream quota and 256 KB events. `streamRate` and `maxEventSize` override either.
 */
export const cloudWatchSinkSchema = z
    .strictObject({
    kind: z.literal('cloudwatch').describe('A mock of the CloudWatch Logs API.'),
    sequenceTokens: z
        .union([z.enum(['enforced', 'ignored']), flag()], {
        error: (iss) => `expected enforced or ignored (yes/no, true/false also work), got ${describeInput(iss.input)}`,
    })
        .default('ignored')
        .transform((v) => (v === true ? 'enforced' : v === false ? 'ignored' : v))
        .describe("ignored (default, the service since January 2023): tokens are accepted and ignored, never InvalidSequenceTokenException. enforced: the pre-2023 service, each put must carry the token the last one returned (Fluent Bit 1.9 and earlier rely on it). yes/no are accepted for enforced/ignored."),
    streamRate: rate()
        .optional()
        .describe('Per-stream PutLogEvents quota (requests per second); 0 disables it. Default: 5/s with enforced sequence tokens (the pre-2023 quota), 0 with ignored ones (the quota was removed with the tokens).'),
    streamBurst: z.int().min(1).default(5).describe('Token-bucket burst for the per-stream quota.'),
    maxEventSize: size()
        .optional()
        .describe('Largest log event, counted as UTF-8 message bytes + 26. Default: 256KB with enforced sequence tokens, 1MB with ignored ones (raised in April 2025).'),
    idleTimeout: duration({ positive: true }).prefault('6s').describe('Idle keep-alive connections are closed by the sink after this (the real service: 6s).'),
    latency: duration().prefault(0).describe('Service time added to each request.'),
    tls: flag().prefault(false).describe('Serve HTTPS with a certificate made at start (CA written into the run directory); the proxy carries the TLS bytes.'),
    keepEvents: size()
        .prefault(0)
        .describe('Bytes of stored events the sink keeps for GetLogEvents / FilterLogEvents (oldest dropped first); 0 keeps none (the ledger still sees every batch).'),
    requestBudget: size()
        .prefault('64MB')
        .describe('Request bytes the sink holds at once across all connections; a request that does not fit waits (TCP backpressure) until earlier ones are done.'),
})
    .transform((sink) => ({
    ...sink,
    streamRate: sink.streamRate ?? (sink.sequenceTokens === 'enforced' ? 5 : 0),
    maxEventSize: sink.maxEventSize ?? defaultMaxEventSize(sink.sequenceTokens),
}));
//# sourceMappingURL=schema.js.map