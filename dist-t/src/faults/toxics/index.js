// Registers the built-in faults on a link: every toxic (its implementation with the proxy and, but for
// noop, its fault kind), then `down`. Within the link faults, this is the order the scenario schema lists
// them in (and error messages name them in).
import './noop.js';
import './latency.js';
import './bandwidth.js';
import './slow-close.js';
import './timeout.js';
import './silent.js';
import './reset-peer.js';
import './slicer.js';
import './limit-data.js';
import '../down-fault-kind.js';
//# sourceMappingURL=index.js.map