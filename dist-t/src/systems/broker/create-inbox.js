import { BlockInbox } from './inbox-block.js';
import { DisconnectInbox } from './inbox-disconnect.js';
import { DropNewestInbox } from './inbox-drop-newest.js';
import { ElasticInbox } from './inbox-elastic.js';
import { UnboundedInbox } from './inbox-unbounded.js';
/** A fresh inbox for one subscriber. */
export function createInbox(options) {
    switch (options.kind) {
        case 'block':
            return new BlockInbox(options.limit);
        case 'drop-newest':
            return new DropNewestInbox(options.limit);
        case 'disconnect':
            return new DisconnectInbox(options);
        case 'elastic':
            return new ElasticInbox(options);
        case 'unbounded':
            return new UnboundedInbox();
    }
}
//# sourceMappingURL=create-inbox.js.map