import { NetworkError } from './network/network-stack.js';
/** PutLogEvents limits (domain.md §3). */
export const BATCH_MAX_BYTES = 1_048_576;
export const EVENT_OVERHEAD_BYTES = 26;
export const BATCH_MAX_EVENTS = 10_000;
export const BATCH_MAX_SPAN_MS = 24 * 3600 * 1000;
/** Fluent Bit stores the expected token and tries again within the same flush; bounded so a token race cannot spin. */
const MAX_TOKEN_RETRIES = 3;
const TARGET = 'Logs_20140328.';
/**
 * The CloudWatch Logs output of the forwarder, as Fluent Bit's cloudwatch_logs plugin behaves before
 * 2023: create the group and stream on first use, PutLogEvents with sequence tokens, events sorted by
 * time and split at the API's batch limits, a failed request (no HTTP answer, or 200 without a request
 * id) retried once at once (auto_retry_requests), and every other failure handed back as a retry.
 */
export class CloudWatchOutput {
    #config;
    #stream;
    #net;
    #clock;
    #onRequest;
    #streamReady = false;
    #token;
    constructor(config, stream, net, clock, onRequest) {
        this.#config = config;
        this.#stream = stream;
        this.#net = net;
        this.#clock = clock;
        this.#onRequest = onRequest;
    }
    /** Splits and serializes a chunk once; a retry sends the same bytes without doing the work again. */
    prepare(chunk) {
        chunk.prepared ??= splitBatches(chunk).map((b) => chunk.batch(b.from, b.to));
    }
    async flush(chunk) {
        if (!this.#streamReady) {
            const created = await this.#ensureStream();
            if (created !== 'ok')
                return created;
        }
        this.prepare(chunk);
        for (const batch of chunk.prepared ?? []) {
            const outcome = await this.#putLogEvents(batch);
            if (outcome !== 'ok')
                return outcome;
        }
        return 'ok';
    }
    async #ensureStream() {
        const group = { logGroupName: this.#config.logGroup };
        const stream = { ...group, logStreamName: this.#stream };
        let answer = await this.#call('CreateLogStream', stream);
        if (answer.outcome === 'resource_not_found' && this.#config.autoCreateGroup) {
            const g = await this.#call('CreateLogGroup', group);
            if (g.outcome !== 'ok' && g.outcome !== 'resource_already_exists')
                return 'retry';
            answer = await this.#call('CreateLogStream', stream);
        }
        if (answer.outcome === 'ok' || answer.outcome === 'resource_already_exists') {
            this.#streamReady = true;
            return 'ok';
        }
        return answer.outcome === 'invalid_parameter' ? 'error' : 'retry';
    }
    async #putLogEvents(batch) {
        for (let attempt = 0; attempt <= MAX_TOKEN_RETRIES; attempt++) {
            const body = putLogEventsBody(this.#config.logGroup, this.#stream, this.#token, batch);
            const answer = await this.#call('PutLogEvents', body);
            switch (answer.outcome) {
                case 'ok':
                case 'data_already_accepted': {
                    const token = answer.json?.nextSequenceToken ?? answer.json?.expectedSequenceToken;
                    if (typeof token === 'string')
                        this.#token = token;
                    return 'ok';
                }
                case 'invalid_sequence_token': {
                    const expected = answer.json?.expectedSequenceToken;
                    if (typeof expected !== 'string')
                        return 'retry';
                    this.#token = expected;
                    continue;
                }
                case 'resource_not_found':
                    this.#streamReady = false;
                    return 'retry';
                case 'invalid_parameter':
                    return 'error';
                default:
                    return 'retry';
            }
        }
        return 'retry';
    }
    /** One API call, with auto_retry_requests: a request that got no usable answer is sent once more at once. */
    async #call(op, payload) {
        const body = Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
        let result = await this.#request(op, body);
        if (result.outcome === 'no_request_id' || isNetworkOutcome(result.outcome))
            result = await this.#request(op, body);
        return result;
    }
    async #request(op, body) {
        const started = this.#clock.now();
        let outcome;
        let json;
        try {
            const answer = await this.#net.post('/', { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': TARGET + op }, body);
            json = parseJson(answer.body);
            outcome = classifyAnswer(answer, json);
        }
        catch (err) {
            if (!(err instanceof NetworkError))
                throw err;
            outcome = err.kind;
        }
        this.#onRequest(outcome, this.#clock.now() - started);
        return { outcome, json };
    }
}
const NETWORK_OUTCOMES = new Set(['connect_timeout', 'connect_refused', 'io_timeout', 'connection_reset', 'dns_error', 'aborted', 'network_error']);
function isNetworkOutcome(outcome) {
    return NETWORK_OUTCOMES.has(outcome);
}
function classifyAnswer(answer, json) {
    if (answer.status === 200)
        return answer.headers['x-amzn-requestid'] === undefined ? 'no_request_id' : 'ok';
    if (answer.status >= 500)
        return 'server_error';
    const type = typeof json?.__type === 'string' ? json.__type.split('#').pop() : undefined;
    switch (type) {
        case 'ThrottlingException':
            return 'throttled';
        case 'InvalidSequenceTokenException':
            return 'invalid_sequence_token';
        case 'DataAlreadyAcceptedException':
            return 'data_already_accepted';
        case 'ResourceAlreadyExistsException':
            return 'resource_already_exists';
        case 'ResourceNotFoundException':
            return 'resource_not_found';
        case 'InvalidParameterException':
            return 'invalid_parameter';
        default:
            return 'client_error';
    }
}
function parseJson(text) {
    if (text.length === 0)
        return undefined;
    try {
        const v = JSON.parse(text);
        return v !== null && typeof v === 'object' ? v : undefined;
    }
    catch {
        return undefined;
    }
}
/** Splits a chunk (sorted by time) into index ranges that each fit PutLogEvents' limits. */
export function splitBatches(chunk) {
    const batches = [];
    const n = chunk.length;
    let from = 0;
    let bytes = 0;
    for (let i = 0; i < n; i++) {
        const size = chunk.messageSize(i) + EVENT_OVERHEAD_BYTES;
        const count = i - from;
        const span = chunk.timestamps[i] - chunk.timestamps[from];
        if (count > 0 && (bytes + size > BATCH_MAX_BYTES || count >= BATCH_MAX_EVENTS || span > BATCH_MAX_SPAN_MS)) {
            batches.push({ from, to: i });
            from = i;
            bytes = 0;
        }
        bytes += size;
    }
    if (from < n)
        batches.push({ from, to: n });
    return batches;
}
/** The whole PutLogEvents body: the head written into the batch's headroom. */
function putLogEventsBody(group, stream, token, batch) {
    const tokenPart = token === undefined ? '' : `,"sequenceToken":${JSON.stringify(token)}`;
    const head = `{"logGroupName":${JSON.stringify(group)},"logStreamName":${JSON.stringify(stream)}${tokenPart},"logEvents":`;
    const size = Buffer.byteLength(head);
    if (size > batch.headroom)
        return Buffer.concat([Buffer.from(head), batch.body.subarray(batch.headroom)]);
    const start = batch.headroom - size;
    batch.body.write(head, start);
    return batch.body.subarray(start);
}
//# sourceMappingURL=cloudwatch-output.js.map