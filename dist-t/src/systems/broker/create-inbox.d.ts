import type { InboxOptions, InboxPolicy } from './inbox.js';
/** A fresh inbox for one subscriber. */
export declare function createInbox(options: InboxOptions): InboxPolicy;
