import { type InboxVerdict, type QueuedMessage, type SizeLimit } from './inbox.js';
import { QueuedInbox } from './queued-inbox.js';
/**
 * Redis's client-output-buffer-limit (and NATS's max_pending): the subscriber is disconnected at once when
 * a message would take its inbox past the hard limit, or when the inbox has stayed over the soft limit
 * continuously for `softForMs`. Until then nothing is dropped and nobody else is held back.
 */
export declare class DisconnectInbox extends QueuedInbox {
    #private;
    readonly kind = "disconnect";
    constructor(options: {
        hard?: SizeLimit;
        soft?: SizeLimit;
        softForMs?: number;
    });
    offer(message: QueuedMessage, now: number): InboxVerdict;
    take(maxBytes: number): QueuedMessage[];
    check(now: number): string | undefined;
    clear(): QueuedMessage[];
}
export declare function describe(limit: SizeLimit | undefined): string;
